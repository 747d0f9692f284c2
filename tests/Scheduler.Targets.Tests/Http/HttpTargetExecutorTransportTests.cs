using Microsoft.Extensions.Time.Testing;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Http;

/// <summary>What happens around the response: redirects, timeouts, cancellation, refused connections.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class HttpTargetExecutorTransportTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly FakeTimeProvider time = new(Invocations.Due);
    private readonly ScriptedSink sink = new();
    private readonly TargetHost host;

    public HttpTargetExecutorTransportTests()
    {
        host = new TargetHost(new Dictionary<string, string?> { ["Scheduler:Targets:Http:AllowLoopback"] = "true" }, time);
    }

    public Task InitializeAsync() => sink.StartAsync();

    public async Task DisposeAsync()
    {
        host.Dispose();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_Redirect_IsNotFollowed()
    {
        sink.Respond = ctx => ScriptedSink.Reply(ctx, 302, "", ("Location", $"http://127.0.0.1:{sink.Port}/elsewhere"));

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook") }), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.False(result.Retryable);
        Assert.Contains("not followed", result.Error, StringComparison.Ordinal);
        Assert.Equal("/hook", Assert.Single(sink.Hits).Path);
    }

    [Fact]
    public async Task ExecuteAsync_ServerSlowerThanJobTimeout_TimesOutRetryable()
    {
        var release = new TaskCompletionSource();
        sink.Respond = async ctx =>
        {
            await release.Task;
            await ScriptedSink.Reply(ctx, 200, "late");
        };

        var attempt = host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook") }, timeout: TimeSpan.FromSeconds(5)), CancellationToken.None);
        await sink.FirstHit.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await attempt.WaitAsync(TimeSpan.FromSeconds(10));
        release.SetResult();

        Assert.Equal(AttemptStatus.TimedOut, result.Status);
        Assert.True(result.Retryable);
        Assert.Contains("timed out after 5 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_ThrowsRatherThanReportingTimeout()
    {
        var release = new TaskCompletionSource();
        sink.Respond = async ctx =>
        {
            await release.Task;
            await ScriptedSink.Reply(ctx, 200, "late");
        };
        using var cancel = new CancellationTokenSource();

        var attempt = host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook") }), cancel.Token);
        await sink.FirstHit.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attempt.WaitAsync(TimeSpan.FromSeconds(10)));
        release.SetResult();
    }

    [Fact]
    public async Task ExecuteAsync_ConnectionRefused_IsRetryableFailure()
    {
        var closed = $"http://127.0.0.1:{FreePort.Next()}/hook";

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = closed }), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.True(result.Retryable);
        Assert.Null(result.StatusCode);
        Assert.Contains("refused", result.Error, StringComparison.OrdinalIgnoreCase);
    }
}
