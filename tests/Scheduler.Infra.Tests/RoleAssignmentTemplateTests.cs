namespace Scheduler.Infra.Tests;

[Collection(ArmTemplateGroup.Name)]
public sealed class RoleAssignmentTemplateTests(ArmTemplateFixture template)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private IReadOnlyList<ArmResource> Assignments => template.OfType("Microsoft.Authorization/roleAssignments");

    [Theory]
    [InlineData(StorageBlobDataOwner, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageQueueDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageTableDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(MonitoringMetricsPublisher, "Microsoft.Insights/components")]
    [InlineData(KeyVaultSecretsUser, "Microsoft.KeyVault/vaults")]
    public void RoleAssignment_BuiltInRole_ScopedToItsResource(string roleId, string scopeType)
    {
        var assignment = Assert.Single(
            Assignments,
            a => (a.Properties.StringAt("roleDefinitionId") ?? "").Contains(roleId, StringComparison.Ordinal));

        Assert.Equal(
            $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{roleId}')]",
            assignment.Properties.StringAt("roleDefinitionId"));
        Assert.Contains($"'{scopeType}'", assignment.Body.StringAt("scope"), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", assignment.Properties.StringAt("principalType"));
    }

    [Fact]
    public void RoleAssignments_All_GoToTheAppIdentity()
    {
        Assert.Equal(5, Assignments.Count);
        Assert.All(Assignments, a => Assert.Equal("[parameters('principalId')]", a.Properties.StringAt("principalId")));

        var passed = template.Module("rbac").Body.StringAt("properties", "parameters", "principalId", "value");
        Assert.Contains("'identity'", passed, StringComparison.Ordinal);
        Assert.Contains("outputs.principalId", passed, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionAppModule_Deployment_WaitsForRoleAssignments()
    {
        var dependsOn = template.Module("functionapp").Body.At("dependsOn").EnumerateArray().Select(d => d.GetString() ?? "");

        Assert.Contains(dependsOn, d => d.Contains("'rbac'", StringComparison.Ordinal));
    }
}
