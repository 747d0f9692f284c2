using Scheduler.Core.Targets;
using Scheduler.Targets.Http;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Http;

public sealed class HttpTargetValidatorTests
{
    [Theory]
    [InlineData("http://10.0.0.1/", "address 10.0.0.1 is not allowed: private network; set Scheduler:Targets:Http:AllowPrivateNetworks=true to allow it")]
    [InlineData("http://169.254.169.254/latest", "address 169.254.169.254 is not allowed: cloud metadata endpoint; no setting allows it")]
    [InlineData("https://127.0.0.1:8443/x", "address 127.0.0.1 is not allowed: loopback; set Scheduler:Targets:Http:AllowLoopback=true to allow it")]
    [InlineData("http://[::ffff:192.168.0.1]/", "address ::ffff:192.168.0.1 is not allowed: private network; set Scheduler:Targets:Http:AllowPrivateNetworks=true to allow it")]
    [InlineData("http://localhost:8080/", "host localhost is not allowed: loopback; set Scheduler:Targets:Http:AllowLoopback=true to allow it")]
    public async Task ValidateAsync_HostInRefusedRange_ReportsTargetUrl(string url, string message)
    {
        using var host = new TargetHost(new Dictionary<string, string?>());

        var errors = await host.Validator<HttpTargetValidator>().ValidateAsync(new HttpTargetSpec { Url = url }, CancellationToken.None);

        var error = Assert.Single(errors);
        Assert.Equal("target.url", error.Field);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("https://hooks.example.com/x")]
    [InlineData("http://93.184.216.34/")]
    [InlineData("not a url")]
    public async Task ValidateAsync_PublicOrUnparsable_ReportsNothing(string url)
    {
        using var host = new TargetHost(new Dictionary<string, string?>());

        var errors = await host.Validator<HttpTargetValidator>().ValidateAsync(new HttpTargetSpec { Url = url }, CancellationToken.None);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ValidateAsync_LoopbackAllowedByOptions_ReportsNothing()
    {
        using var host = new TargetHost(new Dictionary<string, string?> { ["Scheduler:Targets:Http:AllowLoopback"] = "true" });

        var errors = await host.Validator<HttpTargetValidator>().ValidateAsync(new HttpTargetSpec { Url = "http://127.0.0.1:5000/" }, CancellationToken.None);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task JobValidator_PrivateAddressTarget_RefusedAtSubmission()
    {
        using var host = new TargetHost(new Dictionary<string, string?>());

        var errors = await host.JobValidator.ValidateAsync(Invocations.Job(new HttpTargetSpec { Url = "http://10.0.0.1/" }), CancellationToken.None);

        Assert.Contains(errors.All, e => e.Field == "target.url" && e.Message.Contains("10.0.0.1 is not allowed", StringComparison.Ordinal));
    }
}
