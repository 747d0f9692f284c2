using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Scheduler.Targets.Http;

/// <summary>Which addresses an HTTP target may connect to: public ones, plus loopback and private networks when configured.</summary>
public sealed class AddressPolicy(bool allowLoopback, bool allowPrivateNetworks)
{
    /// <summary>Why the address is refused, or null when it may be used.</summary>
    public string? RefusalReason(IPAddress address)
    {
        var category = Classify(address);
        var allowed = category switch
        {
            AddressCategory.Public => true,
            AddressCategory.Loopback => allowLoopback,
            AddressCategory.PrivateNetwork or AddressCategory.SharedAddressSpace => allowPrivateNetworks,
            _ => false,
        };
        return allowed ? null : Describe(category);
    }

    /// <summary>The setting that would allow an address of this category, as a sentence, so that every refusal says what changes it.</summary>
    public static string Remedy(AddressCategory category) => category switch
    {
        AddressCategory.Loopback => $"set {HttpTargetOptions.SectionName}:{nameof(HttpTargetOptions.AllowLoopback)}=true to allow it",
        AddressCategory.PrivateNetwork or AddressCategory.SharedAddressSpace =>
            $"set {HttpTargetOptions.SectionName}:{nameof(HttpTargetOptions.AllowPrivateNetworks)}=true to allow it",
        _ => "no setting allows it",
    };

    public static AddressCategory Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return Classify(address.MapToIPv4());
        }

        return address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address) : ClassifyV6(address);
    }

    public static string Describe(AddressCategory category) => category switch
    {
        AddressCategory.Loopback => "loopback",
        AddressCategory.PrivateNetwork => "private network",
        AddressCategory.SharedAddressSpace => "carrier-grade NAT (100.64.0.0/10)",
        AddressCategory.LinkLocal => "link-local",
        AddressCategory.Metadata => "cloud metadata endpoint",
        AddressCategory.Unspecified => "unspecified address",
        AddressCategory.Multicast => "multicast",
        AddressCategory.Broadcast => "broadcast",
        AddressCategory.Reserved => "reserved",
        _ => "public",
    };

    private static AddressCategory ClassifyV4(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        var v = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return v switch
        {
            0xA9FEA9FE => AddressCategory.Metadata,                      // 169.254.169.254
            0xFFFFFFFF => AddressCategory.Broadcast,
            _ when v >> 24 == 0 => AddressCategory.Unspecified,          // 0.0.0.0/8 reaches the local host on Linux
            _ when v >> 24 == 127 => AddressCategory.Loopback,
            _ when v >> 24 == 10 => AddressCategory.PrivateNetwork,
            _ when (v & 0xFFF00000) == 0xAC100000 => AddressCategory.PrivateNetwork,   // 172.16/12
            _ when (v & 0xFFFF0000) == 0xC0A80000 => AddressCategory.PrivateNetwork,   // 192.168/16
            _ when (v & 0xFFFF0000) == 0xA9FE0000 => AddressCategory.LinkLocal,        // 169.254/16
            _ when (v & 0xFFC00000) == 0x64400000 => AddressCategory.SharedAddressSpace, // 100.64/10
            _ when (v & 0xF0000000) == 0xE0000000 => AddressCategory.Multicast,        // 224/4
            _ when (v & 0xF0000000) == 0xF0000000 => AddressCategory.Reserved,         // 240/4
            _ => AddressCategory.Public,
        };
    }

    private static AddressCategory ClassifyV6(IPAddress address)
    {
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return AddressCategory.Unspecified;
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressCategory.Loopback;
        }

        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) addresses carry an IPv4 address that decides.
        if (b[..12].IndexOfAnyExcept((byte)0) < 0 || b[..12].SequenceEqual(Nat64Prefix))
        {
            return ClassifyV4(new IPAddress(b[12..]));
        }

        if (b.SequenceEqual(AwsMetadataV6))
        {
            return AddressCategory.Metadata;
        }

        return (b[0], b[1] & 0xC0) switch
        {
            (0xFE, 0x80) => AddressCategory.LinkLocal,                   // fe80::/10
            (0xFE, 0xC0) => AddressCategory.PrivateNetwork,              // fec0::/10, deprecated site-local
            (0xFF, _) => AddressCategory.Multicast,
            _ when (b[0] & 0xFE) == 0xFC => AddressCategory.PrivateNetwork, // fc00::/7 unique local
            _ => AddressCategory.Public,
        };
    }

    private static ReadOnlySpan<byte> Nat64Prefix => [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0];

    private static ReadOnlySpan<byte> AwsMetadataV6 => [0xFD, 0x00, 0x0E, 0xC2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54];
}
