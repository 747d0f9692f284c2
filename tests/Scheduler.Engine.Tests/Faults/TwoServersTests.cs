using System.Net.Http.Headers;
using System.Text;
using Scheduler.Testing;
using Scheduler.Engine.Tests.Support;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>Two Server processes on one storage account share one budget: never more runs at once than the budget, each
/// run exactly once.</summary>
[Collection("engine")]
public sealed class TwoServersTests(EngineFixture fixture)
{
    [Fact]
    public async Task TwoServers_Budget2_NeverMoreThan2AtOnce_AndEachRunOnce()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        await using var first = await ServerProcess.StartAsync(storage);
        await using var second = await ServerProcess.StartAsync(storage);
        await first.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        await second.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var api = first.Client();
        using (var budget = new StringContent("""{"defaultLaneConcurrency":2}""", Encoding.UTF8))
        {
            budget.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            (await api.PutAsync(new Uri("api/config", UriKind.Relative), budget)).EnsureSuccessStatusCode();
        }

        var series = new RunSeries(sink, "pair", Enumerable.Repeat(DateTimeOffset.UtcNow.AddSeconds(4), 10).ToList());
        await series.CreateAsync(api, TimeSpan.FromSeconds(10), "slow/600");

        await series.AllDeliveredAsync(TimeSpan.FromSeconds(90));

        series.AssertNoneEarlyAndKeysStable();
        Assert.Equal(0, series.Repeated);
        Assert.InRange(sink.PeakConcurrency, 1, 2);
    }
}
