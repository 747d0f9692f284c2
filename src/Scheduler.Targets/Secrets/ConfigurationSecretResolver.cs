using Microsoft.Extensions.Configuration;
using Scheduler.Core.Ports;

namespace Scheduler.Targets.Secrets;

/// <summary>Secrets from configuration, at <c>Scheduler:Secrets:{reference}</c> (user secrets, environment, a mounted file...).</summary>
public sealed class ConfigurationSecretResolver(IConfiguration configuration) : ISecretResolver
{
    public const string SectionName = "Scheduler:Secrets";

    public Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(!string.IsNullOrEmpty(Value(reference)));

    public Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(Value(reference) is { Length: > 0 } value ? value : null);

    private string? Value(string reference) =>
        string.IsNullOrWhiteSpace(reference) ? null : configuration[$"{SectionName}:{reference}"];
}
