using System.Text.Json;
using Azure.Data.Tables;
using Scheduler.Core.Config;
using Scheduler.Core.Ports;
using Scheduler.Core.Serialization;

namespace Scheduler.Storage.Tables;

/// <summary>The config table: PartitionKey <c>config</c>, RowKey <c>settings</c> (the dynamic settings) and <c>sweep</c> (the sweep's state).</summary>
public sealed class TableConfigStore(StorageClients clients) : IConfigStore
{
    private const string Partition = "config";
    private const string SettingsKey = "settings";
    private const string SweepKey = "sweep";

    private readonly TableClient _table = clients.Table(TableNames.Config);

    /// <summary>The stored settings, or the defaults (with no ETag) when none were ever stored.</summary>
    public async Task<SchedulerConfig> GetAsync(CancellationToken cancellationToken)
    {
        var entity = await TableCalls.GetAsync(_table, Partition, SettingsKey, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return new SchedulerConfig();
        }

        var lanes = entity.GetString("Lanes") is { } json
            ? SchedulerJson.Deserialize<Dictionary<string, int>>(json)
            : [];
        return new SchedulerConfig
        {
            DefaultLaneConcurrency = entity.GetInt32("DefaultLaneConcurrency") ?? SchedulerConfig.DefaultConcurrency,
            Lanes = lanes,
            PauseAll = entity.GetBoolean("PauseAll") ?? false,
            ETag = entity.ETag.ToString(),
        };
    }

    /// <summary>With an ETag: replaces only if it still matches (<see cref="WriteOutcome.Stale"/> otherwise).
    /// Without one: writes unconditionally (insert or replace), which is what a first save of the defaults needs.</summary>
    public Task<Written> PutAsync(SchedulerConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var entity = new TableEntity(Partition, SettingsKey)
        {
            ["DefaultLaneConcurrency"] = config.DefaultLaneConcurrency,
            ["Lanes"] = JsonSerializer.Serialize(config.Lanes, SchedulerJson.Options),
            ["PauseAll"] = config.PauseAll,
        };
        return config.ETag is null
            ? TableCalls.UpsertAsync(_table, entity, cancellationToken)
            : TableCalls.ReplaceAsync(_table, entity, config.ETag, cancellationToken);
    }

    public async Task<SweepState> GetSweepStateAsync(CancellationToken cancellationToken)
    {
        var entity = await TableCalls.GetAsync(_table, Partition, SweepKey, cancellationToken).ConfigureAwait(false);
        return entity is null
            ? new SweepState(null, null, 0)
            : new SweepState(entity.GetString("Cursor"), entity.GetDateTimeOffset("LastSweepUtc"), entity.GetInt32("LastThrottled") ?? 0);
    }

    public async Task SetSweepStateAsync(SweepState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = new TableEntity(Partition, SweepKey)
        {
            ["Cursor"] = state.Cursor,
            ["LastSweepUtc"] = Columns.Date(state.LastSweepUtc),
            ["LastThrottled"] = state.LastThrottled,
        };
        await TableCalls.UpsertAsync(_table, entity, cancellationToken).ConfigureAwait(false);
    }
}
