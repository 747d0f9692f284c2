namespace Scheduler.Infra.Tests;

[Collection(ArmTemplateGroup.Name)]
public sealed class MonitoringTemplateTests(ArmTemplateFixture template)
{
    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabled()
    {
        var insights = template.One("Microsoft.Insights/components");

        Assert.True(insights.Properties.BoolAt("DisableLocalAuth"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Properties.StringAt("WorkspaceResourceId"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RunStatusChanged")]
    [InlineData("scheduler.dispatch.lateness")]
    [InlineData("percentilew(MeanMs, Samples, 99)")]
    [InlineData("scheduler.slots.in_use")]
    [InlineData("where Status == 'Failed'")]
    public void Workbook_SerializedData_QueriesTelemetry(string fragment)
    {
        var workbook = template.One("Microsoft.Insights/workbooks");

        Assert.Equal("shared", workbook.Body.StringAt("kind"));
        Assert.Contains("applicationInsightsId", workbook.Properties.StringAt("sourceId"), StringComparison.Ordinal);
        Assert.Contains(fragment, workbook.ExpandVariables(workbook.Properties.At("serializedData")), StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduledQueryRules_Count_IsThree()
    {
        Assert.Equal(3, template.OfType("Microsoft.Insights/scheduledQueryRules").Count);
    }

    [Theory]
    [InlineData("failed-runs", "where Status == 'Failed'", "GreaterThan", "PT15M")]
    [InlineData("poison-queue", "scheduler.queue.poison_depth", "GreaterThan", "PT15M")]
    [InlineData("sweep-stale", "scheduler.sweep.completed", "LessThan", "PT5M")]
    public void ScheduledQueryRule_Kind_QueriesItsSignal(string nameSuffix, string queryFragment, string op, string window)
    {
        var rule = Assert.Single(
            template.OfType("Microsoft.Insights/scheduledQueryRules"),
            r => (r.Body.StringAt("name") ?? "").Contains(nameSuffix, StringComparison.Ordinal));
        var criterion = Assert.Single(rule.Properties.At("criteria", "allOf").EnumerateArray());

        Assert.Contains(queryFragment, rule.ExpandVariables(criterion.At("query")), StringComparison.Ordinal);
        Assert.Equal(op, criterion.StringAt("operator"));
        Assert.Equal(window, rule.Properties.StringAt("windowSize"));
        Assert.Contains("Microsoft.Insights/actionGroups", rule.Properties.At("actions", "actionGroups").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void FailedRunsRule_Threshold_ComesFromParameter()
    {
        var rule = Assert.Single(
            template.OfType("Microsoft.Insights/scheduledQueryRules"),
            r => (r.Body.StringAt("name") ?? "").Contains("failed-runs", StringComparison.Ordinal));
        var criterion = Assert.Single(rule.Properties.At("criteria", "allOf").EnumerateArray());

        Assert.Equal("[parameters('failedRunsThreshold')]", criterion.StringAt("threshold"));
        Assert.Equal("int", template.Root.StringAt("parameters", "failedRunsAlertThreshold", "type"));
    }

    [Fact]
    public void ActionGroup_Email_IsOptionalParameter()
    {
        var group = template.One("Microsoft.Insights/actionGroups");

        Assert.Contains("alertEmail", group.Properties.StringAt("emailReceivers"), StringComparison.Ordinal);
        Assert.Equal("", template.Root.StringAt("parameters", "alertEmail", "defaultValue"));
    }
}
