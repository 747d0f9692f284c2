namespace Scheduler.Infra.Tests;

[Collection(ArmTemplateGroup.Name)]
public sealed class KeyVaultTemplateTests(ArmTemplateFixture template)
{
    [Fact]
    public void KeyVault_Authorization_UsesRbac()
    {
        var vault = template.One("Microsoft.KeyVault/vaults");

        Assert.True(vault.Properties.BoolAt("enableRbacAuthorization"));
        Assert.False(vault.Properties.TryGetProperty("accessPolicies", out _), "RBAC vaults carry no access policies.");
    }

    [Fact]
    public void KeyVault_Deletion_IsSoftAndPurgeProtected()
    {
        var vault = template.One("Microsoft.KeyVault/vaults");

        Assert.True(vault.Properties.BoolAt("enableSoftDelete"));
        Assert.True(vault.Properties.BoolAt("enablePurgeProtection"));
        Assert.Equal("Enabled", vault.Properties.StringAt("publicNetworkAccess"));
    }

    [Fact]
    public void SigningSecret_Value_ComesFromSecureParameter()
    {
        var secret = template.One("Microsoft.KeyVault/vaults/secrets");

        Assert.Equal("webhook-signing-secret", secret.Template.StringAt("parameters", "signingSecretName", "defaultValue"));
        Assert.Equal("[parameters('webhookSigningSecret')]", secret.Properties.StringAt("value"));
        Assert.Equal("securestring", secret.Template.StringAt("parameters", "webhookSigningSecret", "type"));
        Assert.Equal("securestring", template.Root.StringAt("parameters", "webhookSigningSecret", "type"));
    }
}
