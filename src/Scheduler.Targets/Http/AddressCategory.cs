namespace Scheduler.Targets.Http;

/// <summary>What kind of network an IP address belongs to, as far as the SSRF guard cares.</summary>
public enum AddressCategory
{
    Public,
    Loopback,
    PrivateNetwork,
    SharedAddressSpace,
    LinkLocal,
    Metadata,
    Unspecified,
    Multicast,
    Broadcast,
    Reserved,
}
