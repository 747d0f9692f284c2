namespace Scheduler.Targets.Http;

/// <summary>Settings of HTTP targets, bound from <c>Scheduler:Targets:Http</c>.</summary>
public sealed class HttpTargetOptions
{
    public const string SectionName = "Scheduler:Targets:Http";

    /// <summary>Allow calls to loopback addresses (127.0.0.0/8, ::1). Off: a webhook must not reach the host itself.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow calls to private networks (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10). Link-local and metadata addresses stay refused.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>When set, every request carries <c>X-Scheduler-Signature</c>, an HMAC-SHA256 of the timestamp and body under this secret.</summary>
    public string? SigningSecret { get; set; }

    internal AddressPolicy AddressPolicy => new(AllowLoopback, AllowPrivateNetworks);
}
