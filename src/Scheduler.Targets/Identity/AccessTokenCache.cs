using System.Collections.Concurrent;
using Azure.Core;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Identity;

/// <summary>
/// Bearer tokens for <c>auth: managedIdentity</c> targets, minted with the host's credential and kept in memory only, one per
/// audience, until they near expiry: 5 minutes before it, or half-way through a token that lives less than 10 minutes, or
/// earlier when the token service says so (<see cref="AccessToken.RefreshOn"/>). The one place a token's reuse is decided,
/// whatever the credential does or does not cache itself (the Azure CLI's, on a developer's machine, does not).
/// </summary>
public sealed class AccessTokenCache(TokenCredential credential, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Cached> tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<string> GetAsync(string audience, CancellationToken cancellationToken)
    {
        var scope = HttpAuthSpec.ScopeFor(audience);
        if (Fresh(scope) is { } token)
        {
            return token;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(scope) is { } raced)
            {
                return raced; // Another attempt fetched it while this one waited.
            }

            var fetchedAt = time.GetUtcNow();
            var minted = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            tokens[scope] = new Cached(minted.Token, RefreshAt(fetchedAt, minted.ExpiresOn, minted.RefreshOn));
            return minted.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>When a token fetched at <paramref name="fetchedAt"/> stops being reused.</summary>
    public static DateTimeOffset RefreshAt(DateTimeOffset fetchedAt, DateTimeOffset expiresOn, DateTimeOffset? refreshOn)
    {
        var lifetime = expiresOn - fetchedAt;
        var margin = lifetime < 2 * Margin ? lifetime / 2 : Margin;
        var at = expiresOn - margin;
        return refreshOn is { } hint && hint < at ? hint : at;
    }

    public void Dispose() => gate.Dispose();

    private string? Fresh(string scope) =>
        tokens.TryGetValue(scope, out var cached) && time.GetUtcNow() < cached.RefreshAt ? cached.Token : null;

    private sealed record Cached(string Token, DateTimeOffset RefreshAt);
}
