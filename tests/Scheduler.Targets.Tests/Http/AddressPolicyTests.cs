using System.Net;
using Scheduler.Targets.Http;

namespace Scheduler.Targets.Tests.Http;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", AddressCategory.Loopback)]
    [InlineData("127.255.0.9", AddressCategory.Loopback)]
    [InlineData("::1", AddressCategory.Loopback)]
    [InlineData("::ffff:127.0.0.1", AddressCategory.Loopback)]
    [InlineData("10.0.0.1", AddressCategory.PrivateNetwork)]
    [InlineData("172.16.0.1", AddressCategory.PrivateNetwork)]
    [InlineData("172.31.255.255", AddressCategory.PrivateNetwork)]
    [InlineData("192.168.1.1", AddressCategory.PrivateNetwork)]
    [InlineData("::ffff:10.1.2.3", AddressCategory.PrivateNetwork)]
    [InlineData("fd12:3456::1", AddressCategory.PrivateNetwork)]
    [InlineData("fc00::1", AddressCategory.PrivateNetwork)]
    [InlineData("169.254.1.1", AddressCategory.LinkLocal)]
    [InlineData("fe80::1", AddressCategory.LinkLocal)]
    [InlineData("169.254.169.254", AddressCategory.Metadata)]
    [InlineData("::ffff:169.254.169.254", AddressCategory.Metadata)]
    [InlineData("fd00:ec2::254", AddressCategory.Metadata)]
    [InlineData("0.0.0.0", AddressCategory.Unspecified)]
    [InlineData("::", AddressCategory.Unspecified)]
    [InlineData("100.64.0.1", AddressCategory.SharedAddressSpace)]
    [InlineData("100.127.255.255", AddressCategory.SharedAddressSpace)]
    [InlineData("224.0.0.1", AddressCategory.Multicast)]
    [InlineData("ff02::1", AddressCategory.Multicast)]
    [InlineData("255.255.255.255", AddressCategory.Broadcast)]
    [InlineData("64:ff9b::7f00:1", AddressCategory.Loopback)]
    [InlineData("172.32.0.1", AddressCategory.Public)]
    [InlineData("100.128.0.1", AddressCategory.Public)]
    [InlineData("8.8.8.8", AddressCategory.Public)]
    [InlineData("2001:4860:4860::8888", AddressCategory.Public)]
    public void Classify_Address_ReturnsCategory(string address, AddressCategory expected)
    {
        Assert.Equal(expected, AddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1", false, false, "loopback")]
    [InlineData("127.0.0.1", true, false, null)]
    [InlineData("10.0.0.1", true, false, "private network")]
    [InlineData("10.0.0.1", false, true, null)]
    [InlineData("100.64.0.1", false, true, null)]
    [InlineData("169.254.169.254", true, true, "cloud metadata endpoint")]
    [InlineData("fe80::1", true, true, "link-local")]
    [InlineData("0.0.0.0", true, true, "unspecified address")]
    [InlineData("93.184.216.34", false, false, null)]
    public void RefusalReason_ByOptions_RefusesOnlyWhatIsNotAllowed(string address, bool allowLoopback, bool allowPrivate, string? expected)
    {
        var policy = new AddressPolicy(allowLoopback, allowPrivate);

        Assert.Equal(expected, policy.RefusalReason(IPAddress.Parse(address)));
    }
}
