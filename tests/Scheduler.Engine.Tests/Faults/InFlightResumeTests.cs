using System.Text.Json.Nodes;
using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>kill -9 of the Server while attempts are running (the sink holds their requests): each attempt runs again once
/// the dead process's slot lease (10 s after its last renewal) has run out and a sweep has seen it, not after the attempt's
/// timeout + <c>InFlightGrace</c> (here 60 s + 30 s), and on the same Idempotency-Key.</summary>
[Collection("engine")]
public sealed class InFlightResumeTests(EngineFixture fixture, ITestOutputHelper output)
{
    private const int Runs = 4;
    private static readonly TimeSpan SlotLease = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task KillNine_AttemptsInFlight_RunAgainWithinTheSlotLeaseOfTheKill()
    {
        // A sink of its own: its held requests must not hold anyone else's.
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        var first = await ServerProcess.StartAsync(storage);
        await using var firstOwned = first;
        await first.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        var stream = RunSeries.Every(sink, "inflight", Runs, DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.FromMilliseconds(200));
        using (var api = first.Client())
        {
            await stream.CreateAsync(api, TimeSpan.FromSeconds(60), route: "hold");
        }

        await stream.AllDeliveredAsync(TimeSpan.FromSeconds(60));
        // Past one renewal (3 s), so the lease the dead process leaves is a renewed one, not the dispatch's.
        await Eventually.GetAsync(() => Task.FromResult(DateTimeOffset.UtcNow - stream.Dues[^1]), t => t > TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        await first.SignalAsync("KILL");
        var killed = DateTimeOffset.UtcNow;
        await using var second = await ServerProcess.StartAsync(storage);

        await Eventually.GetAsync(() => Task.FromResult(Enumerable.Range(0, Runs).Count(i => sink.For(stream.Path(i)).Count >= 2)), n => n == Runs, TimeSpan.FromSeconds(80), TimeSpan.FromMilliseconds(50));
        sink.Release();

        var resumed = Enumerable.Range(0, Runs).Select(i => sink.For(stream.Path(i)).Select(h => h.ReceivedUtc).Order().ElementAt(1) - killed).ToList();
        output.WriteLine($"killed at {killed:HH:mm:ss.fff}; attempts in flight ran again {string.Join(", ", resumed.Select(r => $"{r.TotalSeconds:0.0} s"))} after the kill");
        stream.AssertNoneEarlyAndKeysStable();
        Assert.All(resumed, r => Assert.True(r < SlotLease + TimeSpan.FromSeconds(12), $"an attempt in flight ran again {r.TotalSeconds:0.0} s after the kill"));
        using var reader = second.Client();
        foreach (var i in Enumerable.Range(0, Runs))
        {
            // Attempt 1 ran twice (at least once, one Idempotency-Key) and is recorded once: the run succeeds with one attempt.
            var run = await Eventually.GetAsync(
                async () => JsonNode.Parse(await reader.GetStringAsync(new Uri($"api/jobs/inflight-{i:D3}/runs", UriKind.Relative)))!["items"]![0],
                r => r?["status"]?.GetValue<string>() == "Succeeded", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
            Assert.Equal(1, run!["attemptCount"]!.GetValue<int>());
        }

        Assert.False(second.HasExited);
    }
}
