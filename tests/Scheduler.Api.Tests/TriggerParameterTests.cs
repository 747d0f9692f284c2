using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using Scheduler.Core.Targets;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests;

/// <summary>Parameters from a trigger's payload, through placeholders, to a real webhook: on the Server with Azurite and a real sink.</summary>
[Collection(ApiDefinition.Name)]
public sealed class TriggerParameterTests(ApiFixture fixture)
{
    private const string File = "q3 \"final\"/report & notes.csv";

    private static JsonObject JobWithParameters(string id, string url) =>
        JobBodies.Http(id, url, JobBodies.FarFuture())
            .With("parameters", new JsonArray(new JsonObject { ["name"] = "file", ["default"] = "all.csv" }, new JsonObject { ["name"] = "mode", ["default"] = "full" }))
            .With("retry", new JsonObject { ["maxAttempts"] = 3, ["firstInterval"] = "00:00:00.200", ["jitter"] = 0 })
            .With("target", new JsonObject
            {
                ["type"] = "http",
                ["url"] = url + "?file={{params.file}}&attempt={{run.attempt}}",
                ["headers"] = new JsonObject { ["X-File"] = "{{params.file}}" },
                ["body"] = "{\"file\": \"{{params.file}}\", \"mode\": \"{{params.mode}}\", \"run\": \"{{run.id}}\", \"parent\": \"{{parent.runId}}\"}",
            });

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Fact]
    public async Task Trigger_WithPayload_ReachesTheWebhookThroughPlaceholdersWithTheSameValuesOnEveryRetry()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("params");
        var path = $"flaky/2/{id}";
        await (await client.PostJsonAsync("/api/jobs", JobWithParameters(id, fixture.Sink.Url(path)))).ExpectAsync(HttpStatusCode.Created);
        var payload = new JsonObject { ["parameters"] = new JsonObject { ["file"] = File } };

        var triggered = await client.PostJsonAsync($"/api/jobs/{id}/trigger", payload, Key("order-42"));
        var body = await triggered.ExpectAsync(HttpStatusCode.Accepted);

        var runId = body["runId"]!.GetValue<string>();
        var run = await WaitForRunAsync(client, triggered.Headers.Location!.OriginalString, r => Status(r) == "Succeeded");
        Assert.Equal("External", run["trigger"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["file"] = File, ["mode"] = "full" }.ToJsonString(), run["parameters"]!.ToJsonString());
        Assert.Null(run["parent"]);
        var hits = fixture.Sink.For(path);
        Assert.Equal(["1", "2", "3"], hits.Select(h => h.Attempt));
        foreach (var hit in hits)
        {
            var sent = JsonNode.Parse(hit.Body)!;
            Assert.Equal((File, "full", runId, ""), (sent["file"]!.GetValue<string>(), sent["mode"]!.GetValue<string>(), sent["run"]!.GetValue<string>(), sent["parent"]!.GetValue<string>()));
            Assert.Equal([("file", File), ("attempt", hit.Attempt)], QueryParameters.Parse(hit.Query));
            Assert.Equal(File, hit.Headers["X-File"]);
        }
    }

    [Fact]
    public async Task Trigger_RepeatedKey_AnswersTheSameRunAndOtherValuesConflict()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("idem");
        var path = $"ok/{id}";
        await (await client.PostJsonAsync("/api/jobs", JobWithParameters(id, fixture.Sink.Url(path)))).ExpectAsync(HttpStatusCode.Created);
        var payload = new JsonObject { ["parameters"] = new JsonObject { ["file"] = "a.csv", ["mode"] = 2 } };
        var first = await (await client.PostJsonAsync($"/api/jobs/{id}/trigger", payload, Key("evt-1"))).ExpectAsync(HttpStatusCode.Accepted);

        var repeat = await (await client.PostJsonAsync($"/api/jobs/{id}/trigger", payload.DeepClone(), Key("evt-1"))).ExpectAsync(HttpStatusCode.OK);
        var other = await client.PostJsonAsync($"/api/jobs/{id}/trigger", new JsonObject { ["parameters"] = new JsonObject { ["file"] = "b.csv" } }, Key("evt-1"));

        Assert.Equal(first["runId"]!.GetValue<string>(), repeat["runId"]!.GetValue<string>());
        var conflict = await other.ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(first["runId"]!.GetValue<string>(), conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var run = await WaitForRunAsync(client, first["location"]!.GetValue<string>(), r => Status(r) == "Succeeded");
        Assert.Equal("2", run["parameters"]!["mode"]!.GetValue<string>());
        Assert.Single(await RunsAsync(client, id));
        Assert.Single(fixture.Sink.For(path));
    }

    [Fact]
    public async Task Trigger_WithoutBodyOrKey_IsManualWithTheDefaults()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("manual");
        await (await client.PostJsonAsync("/api/jobs", JobWithParameters(id, fixture.Sink.Url($"ok/{id}")))).ExpectAsync(HttpStatusCode.Created);

        var triggered = await client.PostJsonAsync($"/api/jobs/{id}/trigger", null);
        await triggered.ExpectAsync(HttpStatusCode.Accepted);

        var run = await WaitForRunAsync(client, triggered.Headers.Location!.OriginalString, r => Status(r) == "Succeeded");
        Assert.Equal("Manual", run["trigger"]!.GetValue<string>());
        Assert.Equal("all.csv", run["parameters"]!["file"]!.GetValue<string>());
        Assert.Equal("all.csv", Assert.Single(fixture.Sink.For($"ok/{id}")).Headers["X-File"]);
    }
}
