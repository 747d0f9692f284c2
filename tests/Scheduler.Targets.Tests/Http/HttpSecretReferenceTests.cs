using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Http;

/// <summary>Secret headers and query parameters: resolved from the host's secrets at each attempt, sent to a real sink, never in the excerpt.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class HttpSecretReferenceTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private const string ApiKey = "k3y-value-9d8e7f6a";
    private const string FunctionKey = "fn-key-value-1a2b3c";
    private readonly ScriptedSink sink = new();
    private readonly TargetHost host = new(new Dictionary<string, string?>
    {
        ["Scheduler:Targets:Http:AllowLoopback"] = "true",
        ["Scheduler:Secrets:orders-api-key"] = ApiKey,
        ["Scheduler:Secrets:orders-function-key"] = FunctionKey,
    });

    public Task InitializeAsync() => sink.StartAsync();

    public async Task DisposeAsync()
    {
        host.Dispose();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_SecretHeaderAndQuery_SendsValuesAndMasksThemInTheExcerpt()
    {
        var spec = new HttpTargetSpec
        {
            Url = sink.Url("hook?page=2&region=eu"),
            Headers = new Dictionary<string, string> { ["X-Trace"] = "trace-1", ["X-Tenant"] = "contoso" },
            SecretHeaders = new Dictionary<string, string> { ["X-Api-Key"] = "orders-api-key" },
            SecretQuery = new Dictionary<string, string> { ["code"] = "orders-function-key" },
            VisibleInExcerpts = ["page", "X-Trace"],
        };

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(spec), CancellationToken.None);

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        var hit = Assert.Single(sink.Hits);
        Assert.Equal(ApiKey, hit.Headers["X-Api-Key"]);
        Assert.Equal($"?page=2&region=eu&code={FunctionKey}", hit.Query);
        Assert.Equal(
            $"POST {sink.Url("hook")}?page=2&region=***&code=***\nX-Trace: trace-1\nX-Tenant: ***\nX-Api-Key: ***",
            result.RequestExcerpt);
    }

    [Fact]
    public async Task ExecuteAsync_SecretGoneSinceSubmission_FailsWithoutRetryAndSendsNothing()
    {
        var spec = new HttpTargetSpec { Url = sink.Url("hook"), SecretHeaders = new Dictionary<string, string> { ["X-Api-Key"] = "rotated-away" } };

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(spec), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.False(result.Retryable);
        Assert.Equal("secret reference 'rotated-away' (target.secretHeaders.X-Api-Key) names no secret", result.Error);
        Assert.Empty(sink.Hits);
    }

    [Fact]
    public async Task JobValidator_MissingSecretAndLiteralCredentials_NameEachField()
    {
        var spec = new HttpTargetSpec
        {
            Url = "https://example.com/hook?code=literal-key",
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer literal", ["X-Functions-Key"] = "literal" },
            SecretHeaders = new Dictionary<string, string> { ["X-Api-Key"] = "no-such-secret", ["X-Other"] = "orders-api-key" },
        };

        var errors = await host.JobValidator.ValidateAsync(Invocations.Job(spec), CancellationToken.None);

        var fields = errors.All.Select(e => e.Field).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["target.headers.Authorization", "target.headers.X-Functions-Key", "target.secretHeaders.X-Api-Key", "target.url"], fields);
        Assert.Contains("target.secretHeaders.Authorization", errors.All.Single(e => e.Field == "target.headers.Authorization").Message, StringComparison.Ordinal);
        Assert.Contains("target.secretQuery.code", errors.All.Single(e => e.Field == "target.url").Message, StringComparison.Ordinal);
        Assert.Contains("no secret named 'no-such-secret'", errors.All.Single(e => e.Field == "target.secretHeaders.X-Api-Key").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(errors.All, e => e.Message.Contains("literal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_RedirectWithTokenInLocation_MasksTheLocationInTheError()
    {
        sink.Respond = context => ScriptedSink.Reply(context, 302, "", ("Location", "https://elsewhere.example/next?token=leaked-value"));
        var spec = new HttpTargetSpec { Url = sink.Url("hook") };

        var result = await host.Executor("http").ExecuteAsync(Invocations.For(spec), CancellationToken.None);

        Assert.Equal("HTTP 302 Found (redirect to https://elsewhere.example/next?token=*** not followed)", result.Error);
    }
}
