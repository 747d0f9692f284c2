using System.Globalization;
using Scheduler.Storage;
using Xunit;

namespace Scheduler.Testing;

/// <summary>A real Azurite for a test assembly, on free ports. Use as a collection fixture: each test assembly declares
/// <c>[CollectionDefinition("azurite")] public sealed class AzuriteDefinition : ICollectionFixture&lt;AzuriteFixture&gt;;</c>.
/// Tests share the process and isolate themselves through <see cref="NewOptions"/> (unique table prefix and queue).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";
    /// <summary>Azurite's well-known development key (public, not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private ChildProcess? _process;

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};");

    /// <summary>A directory Azurite keeps its data in (it then survives <see cref="RestartAsync"/>); null: in memory.</summary>
    public string? Location { get; init; }

    /// <summary>The process id of Azurite (node), for faults: SIGSTOP freezes it, SIGCONT thaws it.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Azurite is not started.");

    /// <summary>Chooses the ports now, so that a Server can be pointed at an Azurite that starts later (<see cref="InitializeAsync"/>).</summary>
    public void ChoosePorts()
    {
        var ports = FreePort.Distinct(3);
        (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
    }

    public async Task InitializeAsync()
    {
        var root = RepoRoot.Find();
        var chosen = TablePort != 0;
        for (var attempt = 1; ; attempt++)
        {
            if (!chosen || attempt > 1)
            {
                ChoosePorts();
            }

            _process = AzuriteProcess.Start(root, BlobPort, QueuePort, TablePort, Location);
            try
            {
                await Readiness.WaitAsync(_process, [TableEndpoint, QueueEndpoint], StartTimeout).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely a port taken between choosing and binding it: try other ports.
                await _process.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts Azurite again on the same ports (after a kill; with <see cref="Location"/> its data survives).</summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        _process = AzuriteProcess.Start(RepoRoot.Find(), BlobPort, QueuePort, TablePort, Location);
        await Readiness.WaitAsync(_process, [TableEndpoint, QueueEndpoint], StartTimeout).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Options for one test: this Azurite, a unique table prefix and a unique runs queue, short timeouts.</summary>
    public StorageOptions NewOptions()
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        return new StorageOptions
        {
            ConnectionString = ConnectionString,
            TablePrefix = "t" + unique,
            RunsQueue = "q" + unique,
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(200),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
            NetworkTimeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>Clients over <see cref="NewOptions"/> whose tables and queues exist.</summary>
    public async Task<StorageClients> NewStorageAsync(CancellationToken cancellationToken = default)
    {
        var clients = new StorageClients(NewOptions());
        await new StorageInitializer(clients).EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return clients;
    }
}
