using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Http;

/// <summary>The guard at connect time, through the real registrations: loopback is allowed only by configuration.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class SsrfGuardTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly ScriptedSink sink = new();

    public Task InitializeAsync() => sink.StartAsync();

    public async Task DisposeAsync() => await sink.DisposeAsync();

    [Fact]
    public async Task ExecuteAsync_LoopbackNotAllowed_RefusedNonRetryableWithoutReachingServer()
    {
        using var host = Host(allowLoopback: false);

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook") }), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.False(result.Retryable);
        Assert.Equal("address 127.0.0.1 is not allowed: loopback; set Scheduler:Targets:Http:AllowLoopback=true to allow it", result.Error);
        Assert.Empty(sink.Hits);
    }

    [Fact]
    public async Task ExecuteAsync_LoopbackAllowedByOptions_ReachesServer()
    {
        using var host = Host(allowLoopback: true);

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook") }), CancellationToken.None);

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        Assert.Single(sink.Hits);
    }

    [Fact]
    public async Task ExecuteAsync_HostnameResolvingToLoopback_RefusedAtConnectTime()
    {
        using var host = Host(allowLoopback: false);

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = $"http://localhost:{sink.Port}/hook" }), CancellationToken.None);

        Assert.False(result.Retryable);
        Assert.Contains("is not allowed: loopback (resolved from 'localhost'); set Scheduler:Targets:Http:AllowLoopback=true to allow it", result.Error, StringComparison.Ordinal);
        Assert.Empty(sink.Hits);
    }

    [Fact]
    public async Task ExecuteAsync_Ipv4MappedIpv6Loopback_Refused()
    {
        using var host = Host(allowLoopback: false);

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = $"http://[::ffff:127.0.0.1]:{sink.Port}/hook" }), CancellationToken.None);

        Assert.False(result.Retryable);
        Assert.Contains("is not allowed: loopback", result.Error, StringComparison.Ordinal);
        Assert.Empty(sink.Hits);
    }

    [Fact]
    public async Task ExecuteAsync_MetadataAddress_RefusedEvenWhenPrivateNetworksAllowed()
    {
        using var host = Host(allowLoopback: true, allowPrivate: true);

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = "http://169.254.169.254/latest/meta-data/", Method = "GET" }), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.False(result.Retryable);
        Assert.Equal("address 169.254.169.254 is not allowed: cloud metadata endpoint; no setting allows it", result.Error);
    }

    private static TargetHost Host(bool allowLoopback, bool allowPrivate = false) => new(new Dictionary<string, string?>
    {
        ["Scheduler:Targets:Http:AllowLoopback"] = allowLoopback ? "true" : "false",
        ["Scheduler:Targets:Http:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
    });
}
