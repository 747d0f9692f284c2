using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using Scheduler.Testing;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests;

/// <summary>Job alerts through a real Server process and a real HTTP sink: a run that failed after its retries alerts once, signed,
/// with its attempts' errors and a dashboard link (a retried attempt does not alert, rules that do not match stay silent); and an
/// alert whose delivery a kill -9 cut short is delivered after the restart, recorded once under its id.</summary>
[Collection(ApiDefinition.Name)]
public sealed class AlertTests(ApiFixture fixture)
{
    private const string IdHeader = "Scheduler-Alert-Id";
    private const string Secret = "alert-signing-secret-0123456789";

    [Fact]
    public async Task FailedAfterItsRetry_AlertsOnce_Signed_WithEachAttemptsError_AndOtherRulesStaySilent()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var id = JobBodies.Unique("alert");
        await using var server = await ServerProcess.StartAsync(fixture.Azurite.NewOptions(), new Dictionary<string, string?>
        {
            ["Scheduler:Targets:Http:SigningSecret"] = Secret,
            ["Scheduler:Alerts:DashboardUrl"] = "https://scheduler.example.com/",
        });
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var api = server.Client();
        var alertPath = $"alerts/{id}";

        await (await api.PostJsonAsync("/api/jobs", FailingJob(id, 2,
            Rule("Failed", sink.Url(alertPath)),
            Rule("ConsecutiveFailures", sink.Url(alertPath)).With("count", 2),
            Rule("LongerThan", sink.Url(alertPath)).With("duration", "01:00:00"),
            Rule("Recovered", sink.Url(alertPath))))).ExpectAsync(HttpStatusCode.Created);
        var runs = await WaitForRunsAsync(api, id, r => r.Count == 1 && Status(r[0]) == "Failed" && r[0]!["followUpsPending"]!.GetValue<bool>() == false);
        var alerts = (await (await api.GetAsync(new Uri($"/api/jobs/{id}/alerts", UriKind.Relative))).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();

        var runId = runs[0]!["runId"]!.GetValue<string>();
        var hit = Assert.Single(sink.For(alertPath));
        Assert.Equal($"{runId}/alert/1", hit.Headers.GetValueOrDefault(IdHeader));
        Assert.Equal(Signature(hit), hit.Headers.GetValueOrDefault("X-Scheduler-Signature"));
        var body = JsonNode.Parse(hit.Body)!;
        Assert.Equal(("Failed", id, runId, "Failed"), (body["on"]!.GetValue<string>(), body["jobId"]!.GetValue<string>(), body["run"]!["runId"]!.GetValue<string>(), body["run"]!["status"]!.GetValue<string>()));
        Assert.Equal(2, body["run"]!["attempts"]!.AsArray().Count);
        Assert.All(body["run"]!["attempts"]!.AsArray(), a => Assert.Contains("500", a!["error"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal($"https://scheduler.example.com/#/jobs/{id}?run={Uri.EscapeDataString(runId)}", body["link"]!.GetValue<string>());
        var record = Assert.Single(alerts);
        Assert.Equal(($"{runId}/alert/1", "delivered", 1), (record!["id"]!.GetValue<string>(), record["delivery"]!.GetValue<string>(), record["rule"]!.GetValue<int>()));
    }

    [Fact]
    public async Task KillNine_BetweenTheFailureAndTheAlertsDelivery_RestartDeliversIt_RecordedOnceById()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        var id = JobBodies.Unique("alert-kill");
        var alertPath = $"hold/{id}";
        var first = await ServerProcess.StartAsync(storage);
        await using (first)
        {
            await first.WaitHealthyAsync(TimeSpan.FromMinutes(1));
            using var api = first.Client();
            await (await api.PostJsonAsync("/api/jobs", FailingJob(id, 1, Rule("Failed", sink.Url(alertPath))))).ExpectAsync(HttpStatusCode.Created);
            // The run has ended (its settle wrote the alert follow-up) and the sink holds the alert: the Server dies before any answer.
            await Eventually.GetAsync(() => Task.FromResult(sink.For(alertPath).Count), n => n == 1, RunPolling.Timeout);
            await first.SignalAsync("KILL");
        }

        sink.Release();
        await using var second = await ServerProcess.StartAsync(storage);
        await second.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var client = second.Client();

        var runs = await WaitForRunsAsync(client, id, r => r.Count == 1 && r[0]!["followUpsPending"]!.GetValue<bool>() == false, TimeSpan.FromSeconds(60));
        var alerts = (await (await client.GetAsync(new Uri($"/api/jobs/{id}/alerts", UriKind.Relative))).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();

        Assert.Equal("Failed", Status(runs[0]));
        var runId = runs[0]!["runId"]!.GetValue<string>();
        var hits = sink.For(alertPath);
        Assert.True(hits.Count >= 2, $"expected the held delivery and its repeat, got {hits.Count}");
        Assert.All(hits, h => Assert.Equal($"{runId}/alert/1", h.Headers.GetValueOrDefault(IdHeader)));
        var record = Assert.Single(alerts);
        Assert.Equal(($"{runId}/alert/1", "delivered"), (record!["id"]!.GetValue<string>(), record["delivery"]!.GetValue<string>()));
    }

    private static JsonObject Rule(string on, string url) => new() { ["on"] = on, ["webhook"] = new JsonObject { ["url"] = url } };

    /// <summary>A job due at once whose <paramref name="attempts"/> attempts all fail (HTTP 500), with these alert rules.</summary>
    private JsonObject FailingJob(string id, int attempts, params JsonObject[] alerts) =>
        JobBodies.Http(id, fixture.Sink.Url($"fail/{id}"), JobBodies.Once())
            .With("retry", new JsonObject { ["maxAttempts"] = attempts, ["firstInterval"] = "00:00:00.200" })
            .With("alerts", new JsonArray([.. alerts]));

    /// <summary>The signature the receiver computes: HMAC-SHA256 of "{t}.{body}" under the shared secret.</summary>
    private static string Signature(SinkHit hit)
    {
        var t = hit.Headers.GetValueOrDefault("X-Scheduler-Signature", "").Split(',')[0]["t=".Length..];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{hit.Body}"));
        return string.Create(CultureInfo.InvariantCulture, $"t={t},v1={Convert.ToHexStringLower(mac)}");
    }
}
