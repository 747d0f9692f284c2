namespace Scheduler.Core.Targets;

/// <summary>How an HTTP target authenticates with a token the host mints at send time: <c>{"type": "managedIdentity", "audience": "api://..."}</c>
/// sends <c>Authorization: Bearer</c> with an Entra ID token for the audience, from the host's managed identity.</summary>
public sealed record HttpAuthSpec
{
    public const string ManagedIdentity = "managedIdentity";

    /// <summary>The kind of authentication; <see cref="ManagedIdentity"/> is the only one.</summary>
    public required string Type { get; init; }

    /// <summary>The application ID URI or client id of the protected API (<c>api://...</c>); the token is asked for its <c>/.default</c> scope.</summary>
    public required string Audience { get; init; }

    /// <summary>The scope a token for <paramref name="audience"/> is requested with.</summary>
    public static string ScopeFor(string audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return audience.EndsWith("/.default", StringComparison.Ordinal) ? audience : audience.TrimEnd('/') + "/.default";
    }
}
