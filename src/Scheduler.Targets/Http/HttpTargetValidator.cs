using System.Net;
using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Core.Targets;
using Scheduler.Core.Validation;

namespace Scheduler.Targets.Http;

/// <summary>Refuses, at submission, URLs whose host is an address (or <c>localhost</c>) that the SSRF guard would refuse at connect time.</summary>
public sealed class HttpTargetValidator(IOptions<HttpTargetOptions> options) : ITargetValidator
{
    public string Kind => TargetKinds.Http;

    public Task<IReadOnlyList<FieldError>> ValidateAsync(TargetSpec target, CancellationToken cancellationToken)
    {
        IReadOnlyList<FieldError> errors = target is HttpTargetSpec { Url: { } url } && Refusal(url) is { } message
            ? [new FieldError("target.url", message)]
            : [];
        return Task.FromResult(errors);
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
