using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario 4: the real Server in its own process on Azurite; job submissions per second through POST /api/jobs with
/// one client, then 16 concurrent clients (10 s each, jobs due on 1 January so nothing runs), and the latency of
/// GET /api/jobs/{id} the same way.</summary>
internal static class ApiLoad
{
    public const string Name = "api";
    private static readonly TimeSpan PhaseLength = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(BenchArgs args)
    {
        Report.Heading($"{Name}: POST /api/jobs and GET /api/jobs/{{id}} against the Server process, 1 then 16 clients, {PhaseLength.TotalSeconds:0} s each");
        await using var azurite = await BenchAzurite.StartAsync();
        await using var server = await ChildServer.StartAsync(ServerComposition.BaseSettings(azurite));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerComposition.ApiKey);
        var created = new ConcurrentBag<string>();
        var sequence = 0;

        async Task<HttpStatusCode> PostAsync()
        {
            var id = $"api-{Interlocked.Increment(ref sequence)}";
            var body = $$$"""{"id":"{{{id}}}","target":{"type":"http","url":"https://example.test/hook"},"schedule":{"kind":"Cron","cron":"0 0 1 1 *","timeZone":"UTC"}}""";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("api/jobs", content);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created.Add(id);
            }
            else if (Volatile.Read(ref sequence) < 5 || created.IsEmpty)
            {
                Report.Line($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            return response.StatusCode;
        }

        var ids = Array.Empty<string>();
        async Task<HttpStatusCode> GetAsync()
        {
            var id = ids[Random.Shared.Next(ids.Length)];
            using var response = await http.GetAsync($"api/jobs/{id}");
            return response.StatusCode;
        }

        // Warm-up: JIT, connections, tables; not counted.
        await PhaseAsync("warm-up", 4, TimeSpan.FromSeconds(3), PostAsync, HttpStatusCode.Created);
        var phases = new List<Phase>
        {
            await PhaseAsync("POST /api/jobs, 1 client", 1, PhaseLength, PostAsync, HttpStatusCode.Created),
            await PhaseAsync("POST /api/jobs, 16 clients", 16, PhaseLength, PostAsync, HttpStatusCode.Created),
        };
        ids = [.. created];
        await PhaseAsync("warm-up", 4, TimeSpan.FromSeconds(2), GetAsync, HttpStatusCode.OK);
        phases.Add(await PhaseAsync("GET /api/jobs/{id}, 1 client", 1, PhaseLength, GetAsync, HttpStatusCode.OK));
        phases.Add(await PhaseAsync("GET /api/jobs/{id}, 16 clients", 16, PhaseLength, GetAsync, HttpStatusCode.OK));

        Report.Heading($"{Name}: results ({Report.N(created.Count)} jobs created in all)");
        Report.Table(
            ["phase", "requests", "per second", "p50 ms", "p99 ms", "max ms", "errors", "load avg"],
            phases.Select(p => (IReadOnlyList<string>)
            [
                p.Name, Report.N(p.Requests), Report.N(p.PerSecond, 1), Report.Ms(p.P50Ms), Report.Ms(p.P99Ms), Report.Ms(p.MaxMs), Report.N(p.Errors), Report.N(p.LoadAverage, 1),
            ]));
        Report.Write(Name, new { phaseSeconds = PhaseLength.TotalSeconds, jobsCreated = created.Count, phases });
    }

    private static async Task<Phase> PhaseAsync(string name, int clients, TimeSpan length, Func<Task<HttpStatusCode>> call, HttpStatusCode expected)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < length)
            {
                var started = Stopwatch.GetTimestamp();
                HttpStatusCode status;
                try
                {
                    status = await call();
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (status != expected)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.ToList();
        var phase = new Phase(name, clients, all.Count, all.Count / seconds, Stats.Percentile(all, 50), Stats.Percentile(all, 99), all.Count == 0 ? 0 : all.Max(), errors, ProcStatus.LoadAverage());
        Report.Line($"{name}: {all.Count} requests in {Report.N(seconds, 1)} s = {Report.N(phase.PerSecond, 1)}/s, p50 {Report.Ms(phase.P50Ms)} ms, p99 {Report.Ms(phase.P99Ms)} ms, {errors} errors");
        return phase;
    }

    internal sealed record Phase(string Name, int Clients, int Requests, double PerSecond, double P50Ms, double P99Ms, double MaxMs, int Errors, double LoadAverage);
}
