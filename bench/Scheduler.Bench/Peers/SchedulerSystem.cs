using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Peers;

/// <summary>Scheduler.Server in its own process (<c>Scheduler.Bench serve</c>, the Server's composition) over a fresh in-memory
/// Azurite; the budget set through <c>PUT /api/config</c>, jobs created through <c>POST /api/jobs</c>. Default settings otherwise
/// (5 s tick, 7 s lookahead), loopback targets allowed for the sink.</summary>
internal sealed partial class SchedulerSystem : IPeerSystem
{
    private const string ApiKey = "bench-peers-key";
    private readonly BenchAzurite azurite;
    private readonly ChildServer server;
    private readonly HttpClient http;
    private readonly int azuritePid;

    private SchedulerSystem(BenchAzurite azurite, ChildServer server)
    {
        this.azurite = azurite;
        this.server = server;
        http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        azuritePid = ProcStats.Find(string.Create(CultureInfo.InvariantCulture, $"--tablePort {azurite.TablePort}")) ?? -1;
    }

    public static async Task<IPeerSystem> StartAsync(int budget)
    {
        var azurite = await BenchAzurite.StartAsync();
        var settings = azurite.StorageSettings();
        settings["Scheduler:Api:Keys:0"] = ApiKey;
        settings["Scheduler:Targets:Http:AllowLoopback"] = "true";
        settings["Scheduler:Logging:Json"] = "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        var server = await ChildServer.StartAsync(settings);
        var system = new SchedulerSystem(azurite, server);
        using var put = await system.http.PutAsJsonAsync("api/config", new { defaultLaneConcurrency = budget, lanes = new Dictionary<string, int>(), pauseAll = false });
        put.EnsureSuccessStatusCode();
        return system;
    }

    public async Task SubmitAsync(IReadOnlyList<PeerJob> jobs)
    {
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (job, ct) =>
        {
            using var response = await http.PostAsJsonAsync("api/jobs", new
            {
                id = job.Id,
                target = new { type = "http", url = job.Url, method = "POST" },
                schedule = new { kind = "Once", at = job.Due.ToString("O", CultureInfo.InvariantCulture) },
            }, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /api/jobs {job.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
    }

    public double CpuSeconds() => ProcStats.CpuSeconds(server.Pid);

    public double StoreCpuSeconds() => azuritePid > 0 ? ProcStats.CpuSeconds(azuritePid) : double.NaN;

    public long PeakRssBytes() => ProcStats.PeakRssBytes(server.Pid);

    public async Task<int?> PersistedAsync(IReadOnlyList<PeerJob> jobs)
    {
        var succeeded = 0;
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (job, ct) =>
        {
            var body = await http.GetStringAsync($"api/jobs/{job.Id}/runs", ct);
            if (SucceededStatus().IsMatch(body))
            {
                Interlocked.Increment(ref succeeded);
            }
        });
        return succeeded;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [GeneratedRegex("\"status\"\\s*:\\s*\"succeeded\"", RegexOptions.IgnoreCase)]
    private static partial Regex SucceededStatus();
}
