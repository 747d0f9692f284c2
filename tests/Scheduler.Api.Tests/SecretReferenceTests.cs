using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Scheduler.Api.Tests.Support;
using Scheduler.Storage;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests;

/// <summary>
/// A webhook protected by an API key header, a key in its query and an Entra ID token, called by a real Server process whose
/// secrets are in its configuration and whose identity is the real <c>DefaultAzureCredential</c>, pointed at a local stand-in
/// for the identity service. The sink gets every credential; the API's answers, the stored rows (read straight from Azurite),
/// the process's logs (at Trace) and its exported telemetry hold none of them.
/// </summary>
[Collection(ApiDefinition.Name)]
public sealed class SecretReferenceTests(ApiFixture fixture)
{
    private const string ApiKey = "api-key-value-5e6f7a8b9c";
    private const string FunctionKey = "function-key-value-0d1e2f";

    [Fact]
    public async Task ProtectedWebhook_GetsItsCredentials_WhileApiStorageLogsAndTelemetryHoldNone()
    {
        await using var identity = new IdentityEndpoint();
        await identity.StartAsync();
        await using var ingestion = new IngestionSink();
        await ingestion.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        var settings = new Dictionary<string, string?>(identity.Environment)
        {
            ["Scheduler:Secrets:orders-api-key"] = ApiKey,
            ["Scheduler:Secrets:orders-function-key"] = FunctionKey,
            ["Logging:LogLevel:Default"] = "Trace",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
        };
        await using var server = await ServerProcess.StartAsync(storage, settings);
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var client = server.Client();
        var id = JobBodies.Unique("protected");
        var path = $"ok/{id}";

        var created = await client.PostJsonAsync("/api/jobs", Protected(id, fixture.Sink.Url(path) + "?page=1"));
        var job = await created.ExpectAsync(HttpStatusCode.Created);
        await WaitForRunsAsync(client, id, r => r.Count == 1 && Status(r[0]!) == "Succeeded");
        var triggered = await client.PostJsonAsync($"/api/jobs/{id}/trigger", null);
        await WaitForRunAsync(client, triggered.Headers.Location!.OriginalString, r => Status(r) == "Succeeded");

        var hits = fixture.Sink.For(path);
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(ApiKey, h.Headers["X-Api-Key"]));
        Assert.All(hits, h => Assert.Equal($"?page=1&code={FunctionKey}", h.Query));
        Assert.All(hits, h => Assert.Equal("Bearer token-1", h.Headers["Authorization"]));
        Assert.Equal(1, identity.Requests);
        Assert.Equal("orders-api-key", job["definition"]!["target"]!["secretHeaders"]!["X-Api-Key"]!.GetValue<string>());

        var answers = new StringBuilder(job.ToJsonString());
        foreach (var url in new[] { "/api/jobs", $"/api/jobs/{id}", $"/api/jobs/{id}/runs" })
        {
            answers.Append(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        }

        foreach (var run in await RunsAsync(client, id))
        {
            var detail = await client.GetStringAsync(new Uri($"/api/runs/{id}/{run!["runId"]!.GetValue<string>()}", UriKind.Relative));
            Assert.Contains("X-Api-Key: ***", detail, StringComparison.Ordinal);
            answers.Append(detail);
        }

        var telemetry = await Eventually.GetAsync(
            () => Task.FromResult(ingestion.Items),
            items => items.Count(i => i.IsTrace && i.Property("Status") == "Succeeded") >= 2,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(200),
            "both runs' Succeeded events at the ingestion endpoint");
        var places = new Dictionary<string, string>
        {
            ["API answers"] = answers.ToString(),
            ["stored rows"] = await AllRowsAsync(storage),
            ["Server log"] = server.Output,
            ["telemetry"] = string.Join('\n', telemetry.Select(i => i.Envelope.ToJsonString())),
        };
        foreach (var (place, text) in places)
        {
            Assert.True(text.Length > 0, $"Nothing read from the {place}.");
            foreach (var secret in new[] { ApiKey, FunctionKey, "token-1" })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"The {place} hold '{secret}'.");
            }
        }
    }

    [Fact]
    public async Task Create_MissingSecretOrLiteralCredential_Is400NamingTheFieldAndStoresNothing()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("nosecret");
        var missing = JobBodies.Http(id, fixture.Sink.Url("ok/x"), JobBodies.FarFuture());
        missing["target"]!["secretHeaders"] = new JsonObject { ["X-Api-Key"] = "not-configured" };
        var literal = JobBodies.Http(id, fixture.Sink.Url("ok/x"), JobBodies.FarFuture());
        literal["target"]!["headers"] = new JsonObject { ["Authorization"] = "Bearer in-the-clear" };

        var before = await StoreSnapshot.TakeAsync(fixture.App.Storage);
        var refusedMissing = await (await client.PostJsonAsync("/api/jobs", missing)).ExpectProblemAsync(HttpStatusCode.BadRequest, "target.secretHeaders.X-Api-Key");
        var refusedLiteral = await (await client.PostJsonAsync("/api/jobs", literal)).ExpectProblemAsync(HttpStatusCode.BadRequest, "target.headers.Authorization");

        Assert.Contains("no secret named 'not-configured'", refusedMissing["errors"]!["target.secretHeaders.X-Api-Key"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("target.secretHeaders.Authorization", refusedLiteral["errors"]!["target.headers.Authorization"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("in-the-clear", refusedLiteral.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(fixture.App.Storage));
    }

    private static JsonObject Protected(string id, string url)
    {
        var body = JobBodies.Http(id, url, JobBodies.Once());
        body["target"] = new JsonObject
        {
            ["type"] = "http",
            ["url"] = url,
            ["secretHeaders"] = new JsonObject { ["X-Api-Key"] = "orders-api-key" },
            ["secretQuery"] = new JsonObject { ["code"] = "orders-function-key" },
            ["auth"] = new JsonObject { ["type"] = "managedIdentity", ["audience"] = "api://orders" },
        };
        return body;
    }

    /// <summary>Every property of every row of every table the Server writes.</summary>
    private static async Task<string> AllRowsAsync(StorageOptions storage)
    {
        var service = new TableServiceClient(storage.ConnectionString);
        var text = new StringBuilder();
        foreach (var table in TableNames.All)
        {
            await foreach (var entity in service.GetTableClient(storage.TablePrefix + table).QueryAsync<TableEntity>())
            {
                text.AppendJoin('\n', entity.Select(p => $"{table}/{p.Key}={p.Value}")).Append('\n');
            }
        }

        return text.ToString();
    }
}
