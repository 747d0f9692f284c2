namespace Scheduler.Infra.Tests;

[Collection(ArmTemplateGroup.Name)]
public sealed class BicepBuildTests(ArmTemplateFixture template)
{
    [Fact]
    public void Build_MainTemplate_ReportsNoWarningsOrErrors()
    {
        Assert.Equal(0, template.Build.ExitCode);
        Assert.DoesNotContain(" : Warning ", template.Build.Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain(" : Error ", template.Build.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MainTemplate_TargetsSubscriptionWithOneResourceGroup()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", template.Root.StringAt("$schema"), StringComparison.Ordinal);
        Assert.Single(template.OfType("Microsoft.Resources/resourceGroups"));
    }
}
