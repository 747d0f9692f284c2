using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>Storage that is not there yet, stops answering, or is killed and restarted: the Server waits, says why on
/// /api/health within seconds, logs one line per retry, and works (losing nothing) when storage answers again. Each test has
/// its own Azurite.</summary>
[Collection("engine")]
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ServerStartedBeforeStorage_AnswersUnhealthyWithTheReason_ThenWorksWhenStorageAppears()
    {
        // A sink of its own: the shared one's peak concurrency belongs to the budget tests.
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var azurite = new AzuriteFixture();
        azurite.ChoosePorts();
        await using var server = await ServerProcess.StartAsync(azurite.NewOptions());
        try
        {
            using var probe = server.Client(withKey: false, TimeSpan.FromSeconds(20));
            var clock = Stopwatch.StartNew();
            using var unhealthy = await probe.GetAsync(new Uri("api/health", UriKind.Relative));
            var problem = JsonNode.Parse(await unhealthy.Content.ReadAsStringAsync())!;
            // Health reports what it knows and never waits on storage (whose calls retry, each try with a 10 s timeout); the bound leaves room for a loaded machine.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"health took {clock.Elapsed}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
            Assert.Equal("Unhealthy", problem["health"]!.GetValue<string>());
            using (var api = server.Client())
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.GetAsync(new Uri("api/jobs", UriKind.Relative))).StatusCode);
            }

            await Eventually.GetAsync(() => Task.FromResult(Retries(server).Count), n => n >= 3, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
            Assert.Contains("Connection refused", (await ErrorOfAsync(probe)), StringComparison.Ordinal);

            await azurite.InitializeAsync();
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));

            var stream = RunSeries.Every(sink, "early", 2, DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.FromSeconds(1));
            using (var api = server.Client())
            {
                await stream.CreateAsync(api, TimeSpan.FromSeconds(5));
            }

            await stream.AllDeliveredAsync(TimeSpan.FromSeconds(30));
            stream.AssertNoneEarlyAndKeysStable();
            var lines = server.Lines;
            var retries = Retries(server);
            output.WriteLine(string.Join('\n', retries));
            // One line per retry; the exception's text follows the first warning only.
            var afterSecond = lines.SkipWhile(l => l != retries[1]).ToList();
            Assert.DoesNotContain(afterSecond, l => l.Contains("Exception", StringComparison.Ordinal));
            Assert.False(server.HasExited);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task StorageFrozen_HealthSaysSoWithinSeconds_AndRunsDueDuringTheFreezeRunAfterIt()
    {
        // A sink of its own: the shared one's peak concurrency belongs to the budget tests.
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            await using var server = await ServerProcess.StartAsync(azurite.NewOptions());
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            var stream = RunSeries.Every(sink, "frozen", 6, DateTimeOffset.UtcNow.AddSeconds(4), TimeSpan.FromSeconds(1));
            using (var api = server.Client())
            {
                await stream.CreateAsync(api, TimeSpan.FromSeconds(5));
            }

            await Eventually.GetAsync(() => Task.FromResult(stream.Delivered), n => n >= 1, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
            await Signals.SendAsync(azurite.ProcessId, "STOP");
            try
            {
                using var probe = server.Client(withKey: false, TimeSpan.FromSeconds(10));
                for (var i = 0; i < 3; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var health = await probe.GetAsync(new Uri("api/health", UriKind.Relative));
                    output.WriteLine($"health during the freeze: {(int)health.StatusCode} in {clock.ElapsedMilliseconds} ms");
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"health took {clock.Elapsed}");
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                }
            }
            finally
            {
                await Signals.SendAsync(azurite.ProcessId, "CONT");
            }

            await stream.AllDeliveredAsync(TimeSpan.FromSeconds(60));
            stream.AssertNoneEarlyAndKeysStable();
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(30));
            Assert.False(server.HasExited);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task StorageKilledAndRestarted_ServerRidesItOut_AndLosesNothing()
    {
        // A sink of its own: the shared one's peak concurrency belongs to the budget tests.
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        // Azurite persisting to a directory of its own (in memory, a restart would lose everything), on the same ports after the restart.
        var data = Directory.CreateTempSubdirectory("scheduler-azurite-");
        var azurite = new AzuriteFixture { Location = data.FullName };
        await azurite.InitializeAsync();
        try
        {
            await using var server = await ServerProcess.StartAsync(azurite.NewOptions());
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            var stream = RunSeries.Every(sink, "killed", 8, DateTimeOffset.UtcNow.AddSeconds(4), TimeSpan.FromSeconds(1));
            using (var api = server.Client())
            {
                await stream.CreateAsync(api, TimeSpan.FromSeconds(5));
            }

            await Eventually.GetAsync(() => Task.FromResult(stream.Delivered), n => n >= 2, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
            await Signals.SendAsync(azurite.ProcessId, "KILL");
            using (var probe = server.Client(withKey: false, TimeSpan.FromSeconds(10)))
            {
                // Health says so while storage is gone.
                await Eventually.GetAsync(async () => (await probe.GetAsync(new Uri("api/health", UriKind.Relative))).StatusCode,
                    s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(200));
            }

            await azurite.RestartAsync();
            await stream.AllDeliveredAsync(TimeSpan.FromSeconds(90));
            stream.AssertNoneEarlyAndKeysStable();
            output.WriteLine($"delivered twice: {stream.Repeated}; lateness max {Enumerable.Range(0, stream.Dues.Count).Max(stream.Lateness).TotalSeconds:0.0} s");
            await server.WaitHealthyAsync(TimeSpan.FromSeconds(30));
            Assert.False(server.HasExited);
        }
        finally
        {
            await azurite.DisposeAsync();
            data.Delete(recursive: true);
        }
    }

    private static List<string> Retries(ServerProcess server) =>
        server.Lines.Where(l => l.Contains("Creating the tables and queues failed (", StringComparison.Ordinal)).ToList();

    private static async Task<string> ErrorOfAsync(HttpClient probe)
    {
        using var health = await probe.GetAsync(new Uri("api/health", UriKind.Relative));
        return JsonNode.Parse(await health.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
    }
}
