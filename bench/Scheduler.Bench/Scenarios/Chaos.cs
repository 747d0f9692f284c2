using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario <c>chaos</c>: a steady stream of once-jobs (5 a second, each due 6 s after it is created, budget 8)
/// while the Server process is killed with SIGKILL every 30 s and started again at once. Reports lost, delivered twice,
/// early, still missing at the end (and why, read through the API), and start lateness p50/p99/max for runs due near a kill
/// (from 1 s before it to 15 s after the new Server answered) and away from one.</summary>
internal static class Chaos
{
    public const string Name = "chaos";
    private static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(6);

    public static async Task RunAsync(BenchArgs args)
    {
        var count = args.N ?? 1200;
        Report.Heading($"{Name}: {count} runs at 5/s (budget 8) with kill -9 of the Server every {KillEvery.TotalSeconds:0} s");
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = await ArrivalSink.StartAsync();
        var settings = ServerComposition.BaseSettings(azurite);
        var server = await ChildServer.StartAsync(settings);
        using (var http = Client(server))
        {
            (await http.PutAsJsonAsync("api/config", new { defaultLaneConcurrency = 8 })).EnsureSuccessStatusCode();
        }

        var clock0 = DateTimeOffset.UtcNow;
        var dues = new DateTimeOffset[count];
        var kills = new List<DateTimeOffset>();
        var restarts = new List<double>();
        var clock = Stopwatch.StartNew();
        var nextKill = KillEvery;
        IReadOnlyDictionary<string, int> missing = new Dictionary<string, int>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var at = clock.Elapsed;
                if (at >= nextKill)
                {
                    await Signal(server.Pid);
                    kills.Add(DateTimeOffset.UtcNow);
                    await server.DisposeAsync();
                    server = await ChildServer.StartAsync(settings);
                    restarts.Add((DateTimeOffset.UtcNow - kills[^1]).TotalMilliseconds);
                    nextKill += KillEvery;
                }

                dues[i] = DateTimeOffset.UtcNow + Lead;
                await CreateAsync(server, sink, i, dues[i]);
                var wait = Spacing * (i + 1) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }

            var deadline = Stopwatch.StartNew();
            while (Enumerable.Range(0, count).Any(i => sink.For(Path(i)).Count == 0) && deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(500);
            }

            Report.Line($"last run due {(dues[^1] - clock0).TotalSeconds:0} s after the start; waited {deadline.Elapsed.TotalSeconds:0} s after the last creation");
            using var api = Client(server);
            missing = await ChaosAudit.ClassifyAsync(api, Enumerable.Range(0, count).Where(i => sink.For(Path(i)).Count == 0));
        }
        finally
        {
            await server.DisposeAsync();
        }

        ChaosReport.Summarize(sink, dues, kills, restarts, missing);
    }

    internal static string Path(int i) => string.Create(CultureInfo.InvariantCulture, $"/chaos/{i:D5}");

    /// <summary>Creates job <paramref name="i"/>; while the Server is between a kill and its restart, tries again.</summary>
    private static async Task CreateAsync(ChildServer server, ArrivalSink sink, int i, DateTimeOffset due)
    {
        using var http = Client(server);
        var job = new
        {
            id = string.Create(CultureInfo.InvariantCulture, $"chaos-{i:D5}"),
            target = new { type = "http", url = sink.BaseUrl + Path(i) },
            schedule = new { kind = "Once", at = due },
            timeout = "00:00:10",
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("api/jobs", job);
                if ((int)response.StatusCode is 201 or 409)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && attempt < 40)
            {
                // The Server was killed while it answered, or is still starting: the job may exist already (then 409).
            }

            await Task.Delay(250);
        }
    }

    private static HttpClient Client(ChildServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerComposition.ApiKey);
        return http;
    }

    private static async Task Signal(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }
}
