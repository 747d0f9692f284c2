using System.Text.Json;

namespace Scheduler.Infra.Tests;

[Collection(ArmTemplateGroup.Name)]
public sealed class StorageTemplateTests(ArmTemplateFixture template)
{
    private JsonElement Account => template.One("Microsoft.Storage/storageAccounts").Properties;

    [Fact]
    public void StorageAccount_SharedKeyAccess_IsDisabled()
    {
        Assert.False(Account.BoolAt("allowSharedKeyAccess"));
    }

    [Fact]
    public void StorageAccount_MinimumTlsVersion_IsTls12()
    {
        Assert.Equal("TLS1_2", Account.StringAt("minimumTlsVersion"));
    }

    [Fact]
    public void StorageAccount_HttpsTrafficOnly_IsEnabled()
    {
        Assert.True(Account.BoolAt("supportsHttpsTrafficOnly"));
    }

    [Fact]
    public void StorageAccount_BlobPublicAccess_IsDisabled()
    {
        Assert.False(Account.BoolAt("allowBlobPublicAccess"));
    }

    [Fact]
    public void StorageTables_SchedulerModel_ExactlyTheTablesTheAppUses()
    {
        var names = CopiedNames("Microsoft.Storage/storageAccounts/tableServices/tables", "tableNames");

        // Runs live in their job's partition of "jobs"; a "runs" table would be the earlier layout, which the hosts refuse.
        Assert.Equal(new HashSet<string>(Scheduler.Storage.TableNames.All), names.ToHashSet());
    }

    [Fact]
    public void StorageQueues_RunsAndPoison_BothDeclared()
    {
        var names = CopiedNames("Microsoft.Storage/storageAccounts/queueServices/queues", "queueNames");

        Assert.Subset(names, new HashSet<string> { "runs", "runs-poison" });
    }

    [Fact]
    public void DeploymentContainer_FlexPackage_IsPrivate()
    {
        var container = template.One("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", container.Properties.StringAt("publicAccess"));
    }

    // Tables and queues are a copy loop over a module parameter: read the names from its default value.
    private HashSet<string> CopiedNames(string type, string parameter)
    {
        var resource = template.One(type);
        Assert.Contains($"parameters('{parameter}')", resource.Body.StringAt("name"), StringComparison.Ordinal);
        var values = resource.Template.At("parameters", parameter, "defaultValue").EnumerateArray();
        return values.Select(v => v.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
    }
}
