using Scheduler.Core.Ports;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Http;

/// <summary>The values of an HTTP target's secret headers and query parameters, resolved for one attempt and never kept.</summary>
internal sealed record HttpSecrets(IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Query)
{
    public static readonly HttpSecrets None = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>The values, or null with the field whose reference names no secret.</summary>
    public static async Task<(HttpSecrets? Secrets, string? Missing)> ResolveAsync(HttpTargetSpec spec, ISecretResolver resolver, CancellationToken cancellationToken)
    {
        var headers = await ResolveAllAsync(spec.SecretHeaders, "secretHeaders", resolver, cancellationToken).ConfigureAwait(false);
        if (headers.Missing is not null)
        {
            return (null, headers.Missing);
        }

        var query = await ResolveAllAsync(spec.SecretQuery, "secretQuery", resolver, cancellationToken).ConfigureAwait(false);
        return query.Missing is not null ? (null, query.Missing) : (new HttpSecrets(headers.Values, query.Values), null);
    }

    private static async Task<(Dictionary<string, string> Values, string? Missing)> ResolveAllAsync(
        IReadOnlyDictionary<string, string>? references, string map, ISecretResolver resolver, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, reference) in references ?? new Dictionary<string, string>())
        {
            var value = await resolver.ResolveAsync(reference, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(value))
            {
                return (values, $"secret reference '{reference}' (target.{map}.{name}) names no secret");
            }

            values[name] = value;
        }

        return (values, null);
    }
}
