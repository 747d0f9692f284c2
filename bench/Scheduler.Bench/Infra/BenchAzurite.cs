using System.Diagnostics;
using System.Globalization;
using Scheduler.Storage;
using Scheduler.Testing;

namespace Scheduler.Bench.Infra;

/// <summary>A fresh in-memory Azurite for one scenario (AZURITE.md: its queue clean-up and message scans make state from an
/// earlier run slow the next one), on free ports, stopped by PID at the end.</summary>
internal sealed class BenchAzurite : IAsyncDisposable
{
    private readonly AzuriteFixture fixture = new();
    private int disposed;

    private BenchAzurite()
    {
    }

    public StorageOptions Options { get; private set; } = new();
    public int TablePort => fixture.TablePort;
    public int QueuePort => fixture.QueuePort;
    public string ConnectionString => fixture.ConnectionString;

    public static async Task<BenchAzurite> StartAsync()
    {
        var azurite = new BenchAzurite();
        var clock = Stopwatch.StartNew();
        Children.Track(azurite);
        await azurite.fixture.InitializeAsync();
        azurite.Options = new StorageOptions
        {
            ConnectionString = azurite.fixture.ConnectionString,
            TablePrefix = "bench",
            RunsQueue = "runs",
            // The Server's defaults for retries; a per-try timeout that outlasts a clean-up freeze of a few seconds.
            MaxRetries = 3,
            RetryDelay = TimeSpan.FromMilliseconds(500),
            MaxRetryDelay = TimeSpan.FromSeconds(10),
            NetworkTimeout = TimeSpan.FromSeconds(30),
        };
        Report.Line($"fresh Azurite on 127.0.0.1 (table {azurite.TablePort}, queue {azurite.QueuePort}) in {clock.ElapsedMilliseconds} ms");
        return azurite;
    }

    /// <summary>The storage settings as configuration keys of the Server (<c>Scheduler:Storage:*</c>).</summary>
    public Dictionary<string, string?> StorageSettings() => new(StringComparer.Ordinal)
    {
        ["Scheduler:Storage:ConnectionString"] = Options.ConnectionString,
        ["Scheduler:Storage:TablePrefix"] = Options.TablePrefix,
        ["Scheduler:Storage:RunsQueue"] = Options.RunsQueue,
        ["Scheduler:Storage:MaxRetries"] = Options.MaxRetries.ToString(CultureInfo.InvariantCulture),
        ["Scheduler:Storage:RetryDelay"] = Options.RetryDelay.ToString("c", CultureInfo.InvariantCulture),
        ["Scheduler:Storage:MaxRetryDelay"] = Options.MaxRetryDelay.ToString("c", CultureInfo.InvariantCulture),
        ["Scheduler:Storage:NetworkTimeout"] = Options.NetworkTimeout.ToString("c", CultureInfo.InvariantCulture),
    };

    public StorageOps NewOpsCounter() => new(TablePort, QueuePort, Options.TablePrefix);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await fixture.DisposeAsync();
            Children.Untrack(this);
        }
    }
}
