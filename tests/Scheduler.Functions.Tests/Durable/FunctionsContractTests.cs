using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Scheduler.Functions.Http;
using Scheduler.Storage;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The Functions host's HTTP functions answer by the committed OpenAPI document too: every operation, called as the host's
/// ASP.NET Core integration calls it (a real request in, the function's result executed into a real response), each answer held
/// to <c>docs/openapi.json</c> by the same validator as the Server's. What the document cannot hold for this host is the host's own
/// doing, before or after the function: see docs/ARCHITECTURE.md, "One contract, two hosts".</summary>
[Collection("azurite")]
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class FunctionsContractTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly ScriptedSink sink = new();
    private readonly OpenApiContract contract = OpenApiContract.Committed();
    private readonly List<string> violations = [];
    private readonly HashSet<string> answered = new(StringComparer.Ordinal);
    private FunctionsApp app = null!;

    public async Task InitializeAsync()
    {
        await sink.StartAsync();
        var settings = new FunctionsAppSettings(DurableBackend.InMemory, azurite.NewOptions(), "contract")
        {
            Overrides = new Dictionary<string, string?> { [$"Scheduler:Secrets:{ServerSettings.SecretName}"] = "a-test-password" },
        };
        app = await FunctionsApp.StartAsync(settings, new TestOutputLoggerProvider(output));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task EveryOperation_AnswersByTheDocument()
    {
        var jobs = app.Function<JobFunctions>();
        var runs = app.Function<RunFunctions>();
        var ops = app.Function<OperationsFunctions>();
        var connections = app.Function<ConnectionFunctions>();
        var poison = app.Function<PoisonFunctions>();
        var tokens = app.Function<TokenFunctions>();
        var audit = app.Function<AuditFunctions>();
        var alerts = app.Function<AlertFunctions>();
        var none = CancellationToken.None;
        var id = "fn-contract";
        var job = $$"""{ "id": "{{id}}", "target": { "type": "http", "url": "{{sink.Url($"ok/{id}")}}" }, "schedule": { "kind": "Cron", "cron": "0 0 1 1 *" } }""";
        var connection = """{ "name": "fn-conn", "host": "ssh.example.test", "user": "deploy", "secretRef": "ssh-deploy-key", "hostKeyFingerprint": "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }""";

        await CallAsync(200, "GET", "/api/health", r => ops.GetHealth(r, none));
        await CallAsync(201, "POST", "/api/jobs", r => jobs.Create(r, none), job);
        await CallAsync(409, "POST", "/api/jobs", r => jobs.Create(r, none), job);
        await CallAsync(400, "POST", "/api/jobs", r => jobs.Create(r, none), "{\"id\": ");
        await CallAsync(415, "POST", "/api/jobs", r => jobs.Create(r, none), job, "text/plain");
        await CallAsync(200, "GET", "/api/jobs", r => jobs.List(r, none));
        await CallAsync(200, "GET", $"/api/jobs/{id}", r => jobs.Get(r, id, none));
        await CallAsync(404, "GET", "/api/jobs/missing", r => jobs.Get(r, "missing", none));
        await CallAsync(200, "PUT", $"/api/jobs/{id}", r => jobs.Replace(r, id, none), job);
        await CallAsync(200, "POST", $"/api/jobs/{id}/pause", r => jobs.Pause(r, id, none));
        await CallAsync(200, "POST", $"/api/jobs/{id}/resume", r => jobs.Resume(r, id, none));
        var run = await CallAsync(202, "POST", $"/api/jobs/{id}/trigger", r => jobs.Trigger(r, id, none));
        var runId = run["runId"]!.GetValue<string>();
        await CallAsync(200, "GET", $"/api/jobs/{id}/runs", r => runs.List(r, id, none));
        await CallAsync(200, "GET", "/api/runs", r => runs.ListAll(r, none));
        await CallAsync(200, "GET", $"/api/runs/{id}/{runId}", r => runs.Get(r, id, runId, none));
        await CallAsync(null, "POST", $"/api/runs/{id}/{runId}/cancel", r => runs.Cancel(r, id, runId, app.Client, none));
        await CallAsync(200, "GET", "/api/config", r => ops.GetConfig(r, none));
        await CallAsync(200, "PUT", "/api/config", r => ops.PutConfig(r, none), """{ "lanes": { "default": 10 } }""");
        await CallAsync(200, "GET", "/api/stats", r => ops.GetStats(r, none));
        await CallAsync(200, "GET", "/api/stats/history", r => ops.GetStatsHistory(r, none));
        await CallAsync(200, "POST", "/api/schedules/preview", r => ops.Preview(r, none), """{ "schedule": { "kind": "Cron", "cron": "30 2 * * *", "timeZone": "Europe/Paris" }, "count": 3 }""");
        await CallAsync(201, "POST", "/api/connections", r => connections.Create(r, none), connection);
        await CallAsync(200, "GET", "/api/connections", r => connections.List(r, none));
        await CallAsync(200, "GET", "/api/connections/fn-conn", r => connections.Get(r, "fn-conn", none));
        await CallAsync(200, "PUT", "/api/connections/fn-conn", r => connections.Replace(r, "fn-conn", none), connection);
        await CallAsync(204, "DELETE", "/api/connections/fn-conn", r => connections.Delete(r, "fn-conn", none));
        await CallAsync(200, "GET", $"/api/jobs/{id}/alerts", r => alerts.List(r, id, none));
        var token = await CallAsync(201, "POST", $"/api/jobs/{id}/tokens", r => tokens.Create(r, id, none), """{ "name": "contract", "expiresUtc": "2099-01-01T00:00:00Z" }""");
        var tokenId = token["id"]!.GetValue<string>();
        await CallAsync(400, "POST", $"/api/jobs/{id}/tokens", r => tokens.Create(r, id, none), """{ "name": "not a name" }""");
        await CallAsync(200, "GET", $"/api/jobs/{id}/tokens", r => tokens.List(r, id, none));
        await CallAsync(204, "DELETE", $"/api/jobs/{id}/tokens/{tokenId}", r => tokens.Revoke(r, id, tokenId, none));
        await CallAsync(404, "DELETE", $"/api/jobs/{id}/tokens/{tokenId}", r => tokens.Revoke(r, id, tokenId, none));
        await CallAsync(200, "GET", "/api/audit", r => audit.ListAudit(r, none));
        await CallAsync(200, "GET", $"/api/jobs/{id}/audit", r => audit.ListJobAudit(r, id, none));
        await CallAsync(204, "DELETE", $"/api/jobs/{id}", r => jobs.Delete(r, id, none));
        await app.Services.GetRequiredService<StorageClients>().PoisonQueue.SendMessageAsync("""{ "jobId": "gone", "runId": "gone:0000000000000000001" }""");
        var poisoned = await CallAsync(200, "GET", "/api/poison", r => poison.List(r, none));
        var messageId = poisoned["items"]![0]!["messageId"]!.GetValue<string>();
        await CallAsync(200, "GET", $"/api/poison/{messageId}", r => poison.Get(r, messageId, none));
        await CallAsync(204, "POST", $"/api/poison/{messageId}/requeue", r => poison.Requeue(r, messageId, none));
        await CallAsync(404, "DELETE", $"/api/poison/{messageId}", r => poison.Delete(r, messageId, none));

        Assert.True(violations.Count == 0, $"{violations.Count} violations:\n" + string.Join("\n", violations));
        Assert.Equal(contract.Operations.Order(StringComparer.Ordinal), answered.Order(StringComparer.Ordinal));
    }

    /// <summary>Calls the function at <paramref name="path"/>, checks its answer against the document and its status (any status the
    /// document lists when <paramref name="status"/> is null); returns the JSON body.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> CallAsync(int? status, string method, string path, Func<HttpRequest, Task<IResult>> function, string? json = null, string contentType = "application/json")
    {
        var request = HttpCall.Request(app, method, json);
        request.Path = path;
        if (json is not null)
        {
            request.ContentType = contentType;
        }

        var result = await function(request);
        await result.ExecuteAsync(request.HttpContext);
        var response = request.HttpContext.Response;
        var body = Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray());
        var mediaType = MediaTypeHeaderValue.TryParse(response.ContentType, out var media) ? media.MediaType.Value : null;
        violations.AddRange(contract.Check(method, path, response.StatusCode, mediaType, body));
        answered.Add(contract.OperationOf(method, path) ?? $"{method} {path}");
        Assert.True(status is null || response.StatusCode == status, $"{method} {path}: expected {status}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? new System.Text.Json.Nodes.JsonObject() : System.Text.Json.Nodes.JsonNode.Parse(body)!;
    }
}
