using System.Net;
using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Core.Targets;
using Scheduler.Core.Validation;

namespace Scheduler.Targets.Http;

/// <summary>Refuses, at submission, URLs whose host is an address (or <c>localhost</c>) that the SSRF guard would refuse at connect time,
/// and secret references that name no secret this host can read.</summary>
public sealed class HttpTargetValidator(IOptions<HttpTargetOptions> options, ISecretResolver secrets) : ITargetValidator
{
    public string Kind => TargetKinds.Http;

    public async Task<IReadOnlyList<FieldError>> ValidateAsync(TargetSpec target, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (target is not HttpTargetSpec spec)
        {
            return errors.All;
        }

        if (spec.Url is { } url && Refusal(url) is { } message)
        {
            errors.Add("target.url", message);
        }

        var references = (spec.SecretHeaders ?? new Dictionary<string, string>()).Select(h => ($"target.secretHeaders.{h.Key}", h.Value))
            .Concat((spec.SecretQuery ?? new Dictionary<string, string>()).Select(q => ($"target.secretQuery.{q.Key}", q.Value)));
        foreach (var (field, reference) in references)
        {
            if (!string.IsNullOrEmpty(reference) && !await secrets.ExistsAsync(reference, cancellationToken).ConfigureAwait(false))
            {
                errors.Add(field, $"There is no secret named '{reference}' on this host: add it (configuration Scheduler:Secrets:{reference}, or the Key Vault in Azure), then submit again.");
            }
        }

        return errors.All;
    }

    private string? Refusal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null; // Core's TargetRules reports the malformed URL.
        }

        var policy = options.Value.AddressPolicy;
        var host = uri.Host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return policy.RefusalReason(address) is { } reason ? AddressRefusedException.Format(host, address, reason) : null;
        }

        var isLocalhost = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        return isLocalhost && policy.RefusalReason(IPAddress.Loopback) is { } why
            ? $"host {host} is not allowed: {why}; {AddressPolicy.Remedy(AddressCategory.Loopback)}"
            : null;
    }
}
