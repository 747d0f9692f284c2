using Azure.Data.Tables;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>Reads an orchestration's history as DurableTask.AzureStorage keeps it (the task hub's History table, one partition
/// per instance): how many episodes it ran (an <c>OrchestratorStarted</c> event opens each) and how many timers it created.</summary>
public static class OrchestrationEpisodes
{
    public static async Task<(int Episodes, int Timers)> CountAsync(FunctionsAppSettings settings, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var history = new TableClient(settings.Storage.ConnectionString, settings.HubName + "History");
        var episodes = 0;
        var timers = 0;
        await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["EventType"]))
        {
            switch (row.GetString("EventType"))
            {
                case "OrchestratorStarted":
                    episodes++;
                    break;
                case "TimerCreated":
                    timers++;
                    break;
            }
        }

        return (episodes, timers);
    }
}
