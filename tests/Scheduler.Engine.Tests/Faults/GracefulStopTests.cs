using System.Diagnostics;
using System.Text.Json.Nodes;
using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>SIGTERM with attempts in flight: the Server lets them finish and records them before it exits.</summary>
[Collection("engine")]
public sealed class GracefulStopTests(EngineFixture fixture)
{
    [Fact]
    public async Task SigTerm_WithAttemptsInFlight_FinishesAndRecordsThem_ThenExits()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        var server = await ServerProcess.StartAsync(storage);
        await using var owned = server;
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        var series = new RunSeries(sink, "term", Enumerable.Repeat(DateTimeOffset.UtcNow.AddSeconds(4), 5).ToList());
        using (var api = server.Client())
        {
            await series.CreateAsync(api, TimeSpan.FromSeconds(20), "slow/3000");
        }

        await series.AllDeliveredAsync(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        await server.SignalAsync("TERM");
        await Eventually.GetAsync(() => Task.FromResult(server.HasExited), exited => exited, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
        var stopped = clock.Elapsed;

        await using var restarted = await ServerProcess.StartAsync(storage);
        await restarted.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var client = restarted.Client();
        for (var i = 0; i < series.Dues.Count; i++)
        {
            var runs = JsonNode.Parse(await client.GetStringAsync(new Uri($"api/jobs/term-{i:D3}/runs", UriKind.Relative)))!["items"]!.AsArray();
            var run = Assert.Single(runs)!;
            Assert.Equal("Succeeded", run["status"]!.GetValue<string>());
            Assert.Equal(1, run["attemptCount"]!.GetValue<int>());
        }

        Assert.Equal(0, series.Repeated);
        Assert.True(stopped < TimeSpan.FromSeconds(15), $"the Server took {stopped} to stop");
    }
}
