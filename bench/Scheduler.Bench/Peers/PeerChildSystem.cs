using System.Globalization;
using System.Net.Http.Json;
using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Peers;

/// <summary>Quartz.NET or Hangfire in its own child process over its own fresh database in the shared PostgreSQL cluster.</summary>
internal sealed class PeerChildSystem : IPeerSystem
{
    private readonly ChildServer child;
    private readonly PostgresCluster cluster;
    private readonly HttpClient http;

    private PeerChildSystem(ChildServer child, PostgresCluster cluster)
    {
        this.child = child;
        this.cluster = cluster;
        http = new HttpClient { BaseAddress = child.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    public static async Task<IPeerSystem> StartAsync(string mode, PostgresCluster cluster, string database, int budget)
    {
        var connectionString = await cluster.CreateDatabaseAsync(database);
        var child = await ChildServer.StartAsync(new Dictionary<string, string?>
        {
            ["PEER_DB"] = connectionString,
            ["PEER_BUDGET"] = budget.ToString(CultureInfo.InvariantCulture),
        }, mode, "ready");
        return new PeerChildSystem(child, cluster);
    }

    public async Task SubmitAsync(IReadOnlyList<PeerJob> jobs)
    {
        await Parallel.ForEachAsync(jobs.Chunk(50), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
        {
            using var response = await http.PostAsJsonAsync("submit", chunk, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /submit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
    }

    public double CpuSeconds() => ProcStats.CpuSeconds(child.Pid);

    public double StoreCpuSeconds() => cluster.CpuSeconds();

    public long PeakRssBytes() => ProcStats.PeakRssBytes(child.Pid);

    public Task<int?> PersistedAsync(IReadOnlyList<PeerJob> jobs) => Task.FromResult<int?>(null);

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await child.DisposeAsync();
    }
}
