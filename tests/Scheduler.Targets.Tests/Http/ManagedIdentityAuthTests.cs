using Microsoft.Extensions.Time.Testing;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Http;

/// <summary>
/// <c>auth: managedIdentity</c> with the real <c>ManagedIdentityCredential</c> of a user-assigned identity, pointed at a real local
/// stand-in for the identity service by the environment App Service and Functions give an app. Only the cache's clock is fake.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class ManagedIdentityAuthTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly FakeTimeProvider time = new(TimeProvider.System.GetUtcNow());
    private readonly ScriptedSink sink = new();
    private readonly IdentityEndpoint identity = new();
    private TargetHost? host;

    public async Task InitializeAsync()
    {
        await sink.StartAsync();
        await identity.StartAsync();
        foreach (var (name, value) in identity.Environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        host = new TargetHost(
            new Dictionary<string, string?>
            {
                ["Scheduler:Targets:Http:AllowLoopback"] = "true",
                ["Scheduler:Targets:Identity:ManagedIdentityClientId"] = "00000000-0000-0000-0000-00000000c11d",
            },
            time);
    }

    public async Task DisposeAsync()
    {
        host?.Dispose();
        foreach (var name in identity.Environment.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        await identity.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_ManagedIdentity_SendsBearerTokenReusedUntilNearExpiryThenRefreshed()
    {
        var spec = new HttpTargetSpec { Url = sink.Url("hook"), Auth = new HttpAuthSpec { Type = HttpAuthSpec.ManagedIdentity, Audience = "api://orders" } };
        var executor = host!.Executor("http");

        var first = await executor.ExecuteAsync(Invocations.For(spec, attempt: 1), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await executor.ExecuteAsync(Invocations.For(spec, attempt: 2), CancellationToken.None);
        // A 4-minute token is reused for half its life: at 2 min 10 s it is refreshed.
        time.Advance(TimeSpan.FromSeconds(70));
        await executor.ExecuteAsync(Invocations.For(spec, attempt: 3), CancellationToken.None);

        Assert.Equal(AttemptStatus.Succeeded, first.Status);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], sink.Hits.Select(h => h.Headers["Authorization"]));
        Assert.Equal(2, identity.Requests);
        Assert.All(identity.Resources, r => Assert.Equal("api://orders", r));
        Assert.EndsWith("\nAuthorization: Bearer ***", first.RequestExcerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("token-", first.RequestExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_IdentityServiceRefuses_FailsTheAttemptRetryably()
    {
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "wrong-header");
        var spec = new HttpTargetSpec { Url = sink.Url("hook"), Auth = new HttpAuthSpec { Type = HttpAuthSpec.ManagedIdentity, Audience = "api://refused" } };

        var result = await host!.Executor("http").ExecuteAsync(Invocations.For(spec), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.StartsWith("could not get a token for auth audience 'api://refused'", result.Error, StringComparison.Ordinal);
        Assert.Empty(sink.Hits);
    }
}
