using System.Globalization;
using Azure.Core.Pipeline;
using Scheduler.Storage;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>What one app instance runs with: its backend, task hub and storage (a unique table prefix and runs queue per
/// test), and the app settings a Functions app would have.</summary>
public sealed record FunctionsAppSettings(DurableBackend Backend, StorageOptions Storage, string HubName)
{
    /// <summary>When set, counts the app's own storage requests (its Scheduler.Storage clients), as the benchmark does.</summary>
    public StorageRequestCounter? AppRequests { get; init; }

    /// <summary>When set, a pipeline policy per service ("blob", "queue", "table") added to the storage clients of Durable's
    /// backend, so that its own requests can be told apart from the app's.</summary>
    public Func<string, HttpPipelinePolicy>? DurableStoragePolicy { get; init; }

    /// <summary>Settings added to (or replacing) the defaults below, e.g. <c>Scheduler:Sweep:StartAhead</c>.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>The app settings, as local.settings.json would give them (":" for "__").</summary>
    public Dictionary<string, string?> AppSettings()
    {
        var settings = Defaults();
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private Dictionary<string, string?> Defaults() => new()
    {
        ["Scheduler:Storage:ConnectionString"] = Storage.ConnectionString,
        ["Scheduler:Storage:TablePrefix"] = Storage.TablePrefix,
        ["Scheduler:Storage:RunsQueue"] = Storage.RunsQueue,
        ["Scheduler:Storage:MaxRetries"] = Storage.MaxRetries.ToString(CultureInfo.InvariantCulture),
        ["Scheduler:Sweep:Tick"] = "00:00:01",
        ["Scheduler:Sweep:Lookahead"] = "00:00:05",
        ["Scheduler:Targets:Http:AllowLoopback"] = "true",
    };
}
