using System.Text.Json;

namespace Scheduler.Infra.Tests;

[Collection(ArmTemplateGroup.Name)]
public sealed class FunctionAppTemplateTests(ArmTemplateFixture template)
{
    private ArmResource Site => template.One("Microsoft.Web/sites");

    private Dictionary<string, string> AppSettings =>
        Site.Properties.At("siteConfig", "appSettings").EnumerateArray().ToDictionary(
            s => s.StringAt("name") ?? "",
            s => s.GetProperty("value").ValueKind == JsonValueKind.String ? s.StringAt("value") ?? "" : s.GetProperty("value").GetRawText(),
            StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void FunctionApp_HttpsOnly_IsTrue()
    {
        Assert.True(Site.Properties.BoolAt("httpsOnly"));
    }

    [Fact]
    public void FunctionApp_MinTlsVersion_Is12AndFtpsDisabled()
    {
        Assert.Equal("1.2", Site.Properties.StringAt("siteConfig", "minTlsVersion"));
        Assert.Equal("Disabled", Site.Properties.StringAt("siteConfig", "ftpsState"));
    }

    [Fact]
    public void FunctionApp_Plan_IsFlexConsumptionRunningDotnetIsolated10()
    {
        var plan = template.One("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Body.StringAt("sku", "name"));
        Assert.Equal("FlexConsumption", plan.Body.StringAt("sku", "tier"));
        Assert.Equal("functionapp,linux", Site.Body.StringAt("kind"));
        Assert.Equal("dotnet-isolated", Site.Properties.StringAt("functionAppConfig", "runtime", "name"));
        Assert.Equal("10.0", Site.Properties.StringAt("functionAppConfig", "runtime", "version"));
        Assert.True(Site.Properties.At("functionAppConfig", "scaleAndConcurrency").TryGetProperty("maximumInstanceCount", out _));
        Assert.True(Site.Properties.At("functionAppConfig", "scaleAndConcurrency").TryGetProperty("instanceMemoryMB", out _));
    }

    [Fact]
    public void FunctionApp_DeploymentStorage_UsesUserAssignedIdentity()
    {
        var storage = Site.Properties.At("functionAppConfig", "deployment", "storage");

        Assert.Equal("blobContainer", storage.StringAt("type"));
        Assert.Equal("UserAssignedIdentity", storage.StringAt("authentication", "type"));
        Assert.Contains("identityId", storage.StringAt("authentication", "userAssignedIdentityResourceId"), StringComparison.Ordinal);
        Assert.Equal("UserAssigned", Site.Body.StringAt("identity", "type"));
    }

    [Fact]
    public void FunctionApp_HostStorage_UsesAccountNameAndManagedIdentity()
    {
        var settings = AppSettings;

        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("identityClientId", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public void Template_AnyResource_HasNoAccountKeyConnectionString()
    {
        Assert.DoesNotContain("AccountKey", template.Build.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(", template.Build.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    public void FunctionApp_FlexDeprecatedSetting_IsAbsent(string name)
    {
        Assert.DoesNotContain(name, AppSettings.Keys);
    }

    [Theory]
    [InlineData("Scheduler__Storage__TableServiceUri", "primaryEndpoints.table")]
    [InlineData("Scheduler__Storage__QueueServiceUri", "primaryEndpoints.queue")]
    [InlineData("Scheduler__Storage__ManagedIdentityClientId", "identityClientId")]
    [InlineData("Scheduler__Sweep__Schedule", "sweepSchedule")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "ConnectionString")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId={0};Authorization=AAD")]
    public void FunctionApp_SchedulerSetting_HasExpectedSource(string name, string expectedFragment)
    {
        Assert.Contains(expectedFragment, AppSettings[name], StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_SigningSecret_IsAKeyVaultReference_UnderTheNameTheHttpTargetReads()
    {
        // Derived from the options class, so renaming the setting in code without the infra fails here.
        var name = Scheduler.Targets.Http.HttpTargetOptions.SectionName.Replace(":", "__", StringComparison.Ordinal) + "__" + nameof(Scheduler.Targets.Http.HttpTargetOptions.SigningSecret);

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", AppSettings[name], StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_KeyVaultReferences_ResolveWithUserAssignedIdentity()
    {
        Assert.Contains("identityId", Site.Properties.StringAt("keyVaultReferenceIdentity"), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_AzdServiceTag_IsApi()
    {
        Assert.Contains("'azd-service-name', 'api'", Site.Body.StringAt("tags"), StringComparison.Ordinal);
    }

    [Fact]
    public void Main_SweepSchedule_DefaultsToEveryFiveSeconds()
    {
        Assert.Equal("*/5 * * * * *", template.Root.StringAt("parameters", "sweepSchedule", "defaultValue"));
    }

    [Fact]
    public void Main_Outputs_ExposeApiUrlAndFunctionAppName()
    {
        var outputs = template.Root.At("outputs");

        Assert.StartsWith("[format('https://{0}/api'", outputs.StringAt("API_URL", "value"), StringComparison.Ordinal);
        Assert.Contains("defaultHostName", outputs.StringAt("API_URL", "value"), StringComparison.Ordinal);
        Assert.Contains("'functionapp'", outputs.StringAt("AZURE_FUNCTION_APP_NAME", "value"), StringComparison.Ordinal);
    }
}
