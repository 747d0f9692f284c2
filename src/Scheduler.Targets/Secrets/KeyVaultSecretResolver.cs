using System.Text.RegularExpressions;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Scheduler.Core.Ports;

namespace Scheduler.Targets.Secrets;

/// <summary>Secrets from Azure Key Vault: the reference is the secret's name; its latest enabled version is used.</summary>
public sealed partial class KeyVaultSecretResolver(SecretClient client) : ISecretResolver
{
    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    public async Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken) =>
        await ResolveAsync(reference, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        if (reference is null || !SecretName().IsMatch(reference))
        {
            return null; // Not a name Key Vault could hold, so it names nothing.
        }

        try
        {
            var secret = await client.GetSecretAsync(reference, cancellationToken: cancellationToken).ConfigureAwait(false);
            return secret.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
