namespace Scheduler.Core.Ports;

/// <summary>Resolves a secret reference (never stored with a job) to the secret's value.</summary>
public interface ISecretResolver
{
    /// <summary>True when the reference names a secret that exists; used by validation.</summary>
    Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken);
    /// <summary>The secret's value, or null when the reference names nothing.</summary>
    Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken);
}
