using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Http;

#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class HttpTargetExecutorTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Secret = "webhook-secret";
    private readonly FakeTimeProvider time = new(Invocations.Due.AddMinutes(1));
    private readonly ScriptedSink sink = new();
    private readonly TargetHost host;

    public HttpTargetExecutorTests()
    {
        host = Host(signingSecret: Secret);
    }

    public Task InitializeAsync() => sink.StartAsync();

    public async Task DisposeAsync()
    {
        host.Dispose();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_Post_SendsBodyIdempotencyAttemptAndVerifiableSignature()
    {
        var spec = new HttpTargetSpec { Url = sink.Url("hook"), Body = """{"hello":"world"}""", Headers = new Dictionary<string, string> { ["X-Custom"] = "yes" } };
        var invocation = Invocations.For(spec, attempt: 2);

        var result = await host.Executor("http").ExecuteAsync(invocation, CancellationToken.None);

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("ok", result.ResponseExcerpt);
        Assert.StartsWith($"POST {sink.Url("hook")}", result.RequestExcerpt, StringComparison.Ordinal);
        var request = Assert.Single(sink.Hits);
        Assert.Equal("POST", request.Method);
        Assert.Equal("""{"hello":"world"}""", request.Body);
        Assert.Equal(invocation.RunId, request.Headers["Idempotency-Key"]);
        Assert.Equal(invocation.RunId, request.Headers["X-Scheduler-Run-Id"]);
        Assert.Equal("2", request.Headers["X-Scheduler-Attempt"]);
        Assert.Equal("yes", request.Headers["X-Custom"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var t = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + "." + request.Body)));
        Assert.Equal($"t={t},v1={expected}", request.Headers["X-Scheduler-Signature"]);
    }

    [Fact]
    public async Task ExecuteAsync_ContentTypeHeaderGiven_SendsThatContentType()
    {
        var spec = new HttpTargetSpec { Url = sink.Url("hook"), Body = "plain words", Headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" } };

        await host.Executor("http").ExecuteAsync(Invocations.For(spec), CancellationToken.None);

        Assert.Equal("text/plain", Assert.Single(sink.Hits).Headers["Content-Type"]);
    }

    [Fact]
    public async Task ExecuteAsync_NoSigningSecretConfigured_SendsNoSignature()
    {
        using var unsigned = Host(signingSecret: null);

        await unsigned.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook"), Method = "GET" }), CancellationToken.None);

        var request = Assert.Single(sink.Hits);
        Assert.Equal("GET", request.Method);
        Assert.False(request.Headers.ContainsKey("X-Scheduler-Signature"));
        Assert.True(request.Headers.ContainsKey("Idempotency-Key"));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    public async Task ExecuteAsync_ErrorStatus_FailsWithRetryabilityByStatus(int status, bool retryable)
    {
        sink.Respond = ctx => ScriptedSink.Reply(ctx, status, "boom");

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook") }), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.Equal(retryable, result.Retryable);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal("boom", result.ResponseExcerpt);
        Assert.StartsWith($"HTTP {status}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_TooManyRequestsWithRetryAfterSeconds_ReportsThatDelay()
    {
        sink.Respond = ctx => ScriptedSink.Reply(ctx, 429, "slow down", ("Retry-After", "7"));

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook") }), CancellationToken.None);

        Assert.True(result.Retryable);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task ExecuteAsync_RetryAfterHttpDate_ReportsDelayFromInjectedClock()
    {
        var at = time.GetUtcNow().AddSeconds(90).ToString("R", CultureInfo.InvariantCulture);
        sink.Respond = ctx => ScriptedSink.Reply(ctx, 503, "", ("Retry-After", at));

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(new HttpTargetSpec { Url = sink.Url("hook") }), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Fact]
    public async Task ExecuteAsync_SuccessCodesGiven_OtherTwoHundredsFail()
    {
        var spec = new HttpTargetSpec { Url = sink.Url("hook"), SuccessCodes = [202] };

        var ok = await host.Executor("http").ExecuteAsync(Invocations.For(spec), CancellationToken.None);
        sink.Respond = ctx => ScriptedSink.Reply(ctx, 202, "accepted");
        var accepted = await host.Executor("http").ExecuteAsync(Invocations.For(spec), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, ok.Status);
        Assert.False(ok.Retryable);
        Assert.Equal(AttemptStatus.Succeeded, accepted.Status);
    }

    [Fact]
    public async Task ExecuteAsync_LargeResponseAndBody_KeepsBoundedExcerpts()
    {
        sink.Respond = ctx => ScriptedSink.Reply(ctx, 200, new string('r', 10_000));
        var spec = new HttpTargetSpec { Url = sink.Url("hook"), Body = new string('b', 5_000) };

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(spec), CancellationToken.None);

        Assert.StartsWith(new string('r', 4096) + "…[truncated]", result.ResponseExcerpt, StringComparison.Ordinal);
        Assert.Equal(4096 + "…[truncated]".Length, result.ResponseExcerpt!.Length);
        Assert.EndsWith("\n\n" + new string('b', 1024) + "…[truncated]", result.RequestExcerpt, StringComparison.Ordinal);
        Assert.Equal(5_000, Assert.Single(sink.Hits).Body.Length);
    }

    private TargetHost Host(string? signingSecret) => new(
        new Dictionary<string, string?>
        {
            ["Scheduler:Targets:Http:AllowLoopback"] = "true",
            ["Scheduler:Targets:Http:SigningSecret"] = signingSecret,
        },
        time);
}
