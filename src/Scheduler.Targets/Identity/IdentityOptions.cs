namespace Scheduler.Targets.Identity;

/// <summary>The identity targets act as (bearer tokens for <c>auth</c>, Key Vault secrets), bound from <c>Scheduler:Targets:Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Scheduler:Targets:Identity";

    /// <summary>Client id of the user-assigned managed identity to use; when empty, <c>DefaultAzureCredential</c> (managed identity,
    /// then a developer's Azure CLI or Visual Studio sign-in...).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>When set, secret references are Key Vault secret names in this vault, read with this identity at each use;
    /// otherwise they are configuration keys under <c>Scheduler:Secrets</c>.</summary>
    public Uri? KeyVaultUri { get; set; }
}
