using System.Text.Json;
using Scheduler.Functions.Durable;
using Scheduler.Functions.Triggers;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests.Build;

/// <summary>What the Worker SDK wrote into the build output is what the Functions host will load: triggers, bindings and extensions.</summary>
public sealed class BuildOutputTests
{
    [Fact]
    public void Extensions_NameDurableTaskAndStorageQueues()
    {
        var extensions = FunctionsBuild.Extensions();

        Assert.Contains("DurableTask", extensions);
        Assert.Contains("AzureStorageQueues", extensions);
    }

    [Fact]
    public void RunQueueTrigger_ListensOnTheQueueNamedBySettings_AndGetsADurableClient()
    {
        var function = FunctionsBuild.Function(nameof(RunQueueTrigger));

        Assert.Equal(("queueTrigger", "%Scheduler:Storage:RunsQueue%", "AzureWebJobsStorage"), (function.Trigger.Type, function.Trigger.QueueName, function.Trigger.Connection));
        Assert.Contains(function.Bindings, b => b.Type == "durableClient");
    }

    [Fact]
    public void SweepTimer_RunsOnTheScheduleNamedBySettings_NotOnStartup()
    {
        var trigger = FunctionsBuild.Function(nameof(SweepTimer)).Trigger;

        Assert.Equal(("timerTrigger", "%Scheduler:Sweep:Schedule%", false), (trigger.Type, trigger.Schedule, trigger.RunOnStartup));
    }

    [Fact]
    public void RetentionTimer_RunsHourlyWithADurableClient_NotOnStartup()
    {
        var function = FunctionsBuild.Function(nameof(RetentionTimer));

        Assert.Equal(("timerTrigger", RetentionTimer.Schedule, false), (function.Trigger.Type, function.Trigger.Schedule, function.Trigger.RunOnStartup));
        Assert.Contains(function.Bindings, b => b.Type == "durableClient");
    }

    [Fact]
    public void TheRunOrchestration_AndItsActivities_AreRegistered()
    {
        var functions = FunctionsBuild.Functions().ToDictionary(f => f.Name, f => f.Trigger.Type);

        Assert.Equal("orchestrationTrigger", functions[RunOrchestrator.Name]);
        Assert.Equal("orchestrationTrigger", functions[RunOrchestratorV1.Name]);
        // One activity: the attempt step writes every status the run reaches, so no step follows it.
        Assert.Equal([nameof(RunActivities.ExecuteAttempt)], functions.Where(f => f.Value == "activityTrigger").Select(f => f.Key));
        Assert.Contains(FunctionsBuild.Function("CancelRun").Bindings, b => b.Type == "durableClient");
    }

    [Fact]
    public void EverySettingABindingNames_IsSetLocallyAndInAzure()
    {
        var settings = FunctionsBuild.Functions().SelectMany(f => f.Bindings).SelectMany(b => new[] { b.QueueName, b.Schedule })
            .Where(v => v is not null && v.StartsWith('%')).Select(v => v!.Trim('%').Replace(":", "__", StringComparison.Ordinal)).Distinct().ToList();
        var root = RepoRoot.Find();
        using var local = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "local.settings.json.sample")));
        var bicep = File.ReadAllText(Path.Combine(root, "infra", "modules", "functionapp.bicep"));

        Assert.Equal(["Scheduler__Storage__RunsQueue", "Scheduler__Sweep__Schedule"], settings.Order());
        Assert.All(settings, s => Assert.True(local.RootElement.GetProperty("Values").TryGetProperty(s, out _), $"{s} is missing from local.settings.json.sample"));
        Assert.All(settings, s => Assert.Contains($"name: '{s}'", bicep, StringComparison.Ordinal));
    }
}
