using Microsoft.Extensions.Options;

namespace Scheduler.Targets.Http;

/// <summary>Checks <see cref="HttpTargetOptions"/> when the host starts. A message never repeats the signing secret.</summary>
internal sealed class HttpTargetOptionsValidator : IValidateOptions<HttpTargetOptions>
{
    private const string SigningSecret = HttpTargetOptions.SectionName + ":" + nameof(HttpTargetOptions.SigningSecret);

    /// <summary>What App Service leaves in a setting whose Key Vault reference it could not resolve.</summary>
    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    public ValidateOptionsResult Validate(string? name, HttpTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.SigningSecret;
        var errors = new ValidateOptionsResultBuilder();
        if (string.IsNullOrEmpty(secret))
        {
            return errors.Build();
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            errors.AddError($"{SigningSecret} is blank; set a secret, or remove the setting to send webhooks unsigned.");
        }
        else if (secret.StartsWith(KeyVaultReference, StringComparison.OrdinalIgnoreCase))
        {
            // Signing with the reference's own text would give every receiver a signature it cannot check.
            errors.AddError($"{SigningSecret} is a Key Vault reference the platform did not resolve; set the app's identity as a reader of the secret (Key Vault Secrets User) and restart.");
        }

        return errors.Build();
    }
}
