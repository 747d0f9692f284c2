using System.Net;
using Scheduler.Api.Tests.Support;
using static Scheduler.Api.Tests.Support.RunPolling;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class PauseResumeTests(ApiFixture fixture)
{
    /// <summary>Occurrences are dispatched up to the lookahead (2 s in tests) before they are due.</summary>
    private static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Pause_IntervalJob_StopsFutureOccurrences()
    {
        using var client = fixture.App.Api();
        var id = await StartIntervalJobAsync(client);

        var paused = await (await client.PostJsonAsync($"/api/jobs/{id}/pause", null)).ExpectAsync(HttpStatusCode.OK);
        var pausedAt = DateTimeOffset.UtcNow;

        Assert.Equal("Paused", paused["status"]!.GetValue<string>());
        Assert.Null(paused["nextDueUtc"]);
        // A sweep that began two intervals past the lookahead would have dispatched the next occurrence, had the pause not held.
        await SweepPolling.WaitForSweepAfterAsync(client, pausedAt + Lookahead + TimeSpan.FromSeconds(2));
        var runs = await RunsAsync(client, id);
        Assert.All(runs, r => Assert.True(Due(r!) <= pausedAt + Lookahead, $"Run due {Due(r!):O} after the pause at {pausedAt:O}"));
    }

    [Fact]
    public async Task Resume_PausedIntervalJob_RestoresOccurrences()
    {
        using var client = fixture.App.Api();
        var id = await StartIntervalJobAsync(client);
        await (await client.PostJsonAsync($"/api/jobs/{id}/pause", null)).ExpectAsync(HttpStatusCode.OK);
        var pausedAt = DateTimeOffset.UtcNow;
        // Paused across a sweep that would have dispatched the next occurrence (1 s interval, 2 s lookahead), had the job been active.
        await SweepPolling.WaitForSweepAfterAsync(client, pausedAt + Lookahead + TimeSpan.FromSeconds(1));

        var resumed = await (await client.PostJsonAsync($"/api/jobs/{id}/resume", null)).ExpectAsync(HttpStatusCode.OK);
        var resumedAt = DateTimeOffset.UtcNow;

        Assert.Equal("Active", resumed["status"]!.GetValue<string>());
        Assert.NotNull(resumed["nextDueUtc"]);
        await WaitForRunsAsync(client, id, r => r.Count(x => Due(x!) > resumedAt && Status(x!) == "Succeeded") >= 2);
    }

    private async Task<string> StartIntervalJobAsync(HttpClient client)
    {
        var id = JobBodies.Unique("every");
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.Interval("00:00:01")))).ExpectAsync(HttpStatusCode.Created);
        await WaitForRunsAsync(client, id, r => r.Any(x => Status(x!) == "Succeeded"));
        return id;
    }

    private static DateTimeOffset Due(System.Text.Json.Nodes.JsonNode run) => run["dueUtc"]!.GetValue<DateTimeOffset>();
}
