using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using Scheduler.Testing;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests;

/// <summary>Run-end notifications through a real Server process and a real HTTP sink: delivered once with their id header, and
/// delivered after a kill -9 that cut the first delivery short, with the same id.</summary>
[Collection(ApiDefinition.Name)]
public sealed class NotificationTests(ApiFixture fixture)
{
    private const string IdHeader = "Scheduler-Notification-Id";

    [Fact]
    public async Task FailedRun_NotifyOnFailed_PostsOnceWithTheIdHeaderAndTheRunsEnd()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var id = JobBodies.Unique("notify");
        await using var server = await ServerProcess.StartAsync(fixture.Azurite.NewOptions());
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var api = server.Client();

        await (await api.PostJsonAsync("/api/jobs", FailingJob(id, sink.Url($"notify/{id}")))).ExpectAsync(HttpStatusCode.Created);
        var runs = await WaitForRunsAsync(api, id, r => r.Count == 1 && Status(r[0]) == "Failed" && r[0]!["followUpsPending"]!.GetValue<bool>() == false);

        var hit = Assert.Single(sink.For($"notify/{id}"));
        var runId = runs[0]!["runId"]!.GetValue<string>();
        Assert.Equal(("POST", $"{runId}/1"), (hit.Method, hit.Headers.GetValueOrDefault(IdHeader)));
        var body = JsonNode.Parse(hit.Body)!;
        Assert.Equal((id, runId, "Failed", 1), (body["jobId"]!.GetValue<string>(), body["runId"]!.GetValue<string>(), body["status"]!.GetValue<string>(), body["attemptCount"]!.GetValue<int>()));
        Assert.Contains("500", body["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(body["dueUtc"]);
        Assert.NotNull(body["finishedUtc"]);
    }

    [Fact]
    public async Task KillNine_WhileTheNotificationIsDelivered_RestartDeliversItWithTheSameId()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        var id = JobBodies.Unique("notify-kill");
        var notifyPath = $"hold/{id}";
        var first = await ServerProcess.StartAsync(storage);
        await using (first)
        {
            await first.WaitHealthyAsync(TimeSpan.FromMinutes(1));
            using var api = first.Client();
            await (await api.PostJsonAsync("/api/jobs", FailingJob(id, sink.Url(notifyPath)))).ExpectAsync(HttpStatusCode.Created);
            // The run has ended (its settle wrote the follow-up) and the sink holds its delivery: the Server dies before any answer.
            await Eventually.GetAsync(() => Task.FromResult(sink.For(notifyPath).Count), n => n == 1, RunPolling.Timeout);
            await first.SignalAsync("KILL");
        }

        sink.Release();
        await using var second = await ServerProcess.StartAsync(storage);
        await second.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var client = second.Client();

        var runs = await WaitForRunsAsync(client, id, r => r.Count == 1 && r[0]!["followUpsPending"]!.GetValue<bool>() == false, TimeSpan.FromSeconds(60));

        Assert.Equal("Failed", Status(runs[0]));
        var runId = runs[0]!["runId"]!.GetValue<string>();
        var hits = sink.For(notifyPath);
        Assert.True(hits.Count >= 2, $"expected the held delivery and its repeat, got {hits.Count}");
        Assert.All(hits, h => Assert.Equal($"{runId}/1", h.Headers.GetValueOrDefault(IdHeader)));
    }

    /// <summary>A job due at once whose one attempt fails (HTTP 500), notifying <paramref name="notifyUrl"/> when its run fails.</summary>
    private JsonObject FailingJob(string id, string notifyUrl) =>
        JobBodies.Http(id, fixture.Sink.Url($"fail/{id}"), JobBodies.Once())
            .With("retry", new JsonObject { ["maxAttempts"] = 1 })
            .With("notify", new JsonArray(new JsonObject { ["on"] = "Failed", ["url"] = notifyUrl }));
}
