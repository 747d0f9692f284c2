using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests.Contract;

/// <summary>The calls of <see cref="ContractTests"/> beyond jobs: runs, operations, connections, deletes and keys.</summary>
public sealed partial class ContractTests
{
    private async Task RunsAsync(HttpClient client, string id)
    {
        var triggered = await client.PostAsync($"/api/jobs/{id}/trigger", null);
        await triggered.ExpectAsync(HttpStatusCode.Accepted);
        var location = triggered.Headers.Location!.OriginalString;
        await WaitForRunAsync(client, location, r => Status(r) == "Succeeded");
        await (await client.GetAsync($"/api/jobs/{id}/runs")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/jobs/missing-job/runs")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/jobs/{id}/alerts")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/jobs/missing-job/alerts")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/runs")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/runs?status=Failed")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/runs?status=Bogus")).ExpectProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await client.PostAsync(location + "/cancel", null)).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await client.GetAsync($"/api/runs/{id}/{id}:0000000000000000001")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/runs/{id}/not-a-run")).ExpectProblemAsync(HttpStatusCode.BadRequest, "runId");
        await (await client.PostAsync("/api/jobs/missing-job/trigger", null)).ExpectProblemAsync(HttpStatusCode.NotFound);

        // A run waiting for its retry: its answers carry a last error and no attempt in flight; cancelling it answers 200.
        var failing = JobBodies.Unique("contract-retry");
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(failing, fixture.Sink.Url($"fail/{failing}"), JobBodies.Once())
            .With("retry", new JsonObject { ["maxAttempts"] = 5, ["firstInterval"] = "00:01:00", ["jitter"] = 0 }))).ExpectAsync(HttpStatusCode.Created);
        var runs = await WaitForRunsAsync(client, failing, r => r.Count == 1 && Status(r[0]!) == "Retrying");
        var run = $"/api/runs/{failing}/{runs[0]!["runId"]!.GetValue<string>()}";
        await (await client.GetAsync(run)).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostAsync(run + "/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"/api/runs/{failing}/{failing}:0000000000000000001/cancel", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task OperationsAsync(HttpClient client)
    {
        var config = await (await client.GetAsync("/api/config")).ExpectAsync(HttpStatusCode.OK);
        var written = await client.PutJsonAsync("/api/config", config);
        await written.ExpectAsync(HttpStatusCode.OK);
        var etag = HttpHelpers.ETagOf(written);
        await (await client.PutJsonAsync("/api/config", config, IfMatch(etag))).ExpectAsync(HttpStatusCode.OK);
        await (await client.PutJsonAsync("/api/config", config, IfMatch(etag))).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PutJsonAsync("/api/config", new JsonObject { ["lanes"] = new JsonObject { ["default"] = 5000 } })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/stats")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/stats/history")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/stats/history?window=24h")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/stats/history?window=2h")).ExpectProblemAsync(HttpStatusCode.BadRequest, "window");
        var dst = new JsonObject { ["schedule"] = JobBodies.Cron("30 2 * * *", "Europe/Paris"), ["count"] = 3, ["fromUtc"] = "2030-03-29T00:00:00Z" };
        await (await client.PostJsonAsync("/api/schedules/preview", dst)).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/schedules/preview", new JsonObject { ["schedule"] = JobBodies.Cron("0 9 * * *"), ["count"] = 500 })).ExpectProblemAsync(HttpStatusCode.BadRequest, "count");
    }

    private static async Task PoisonAsync(HttpClient client, Scheduler.Storage.StorageOptions storage)
    {
        var poison = new Scheduler.Storage.StorageClients(storage).PoisonQueue;
        var first = (await poison.SendMessageAsync("""{"jobId":"gone","runId":"gone:0000000000000000001"}""")).Value.MessageId;
        var second = (await poison.SendMessageAsync("not a run message")).Value.MessageId;
        await (await client.GetAsync("/api/poison")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync($"/api/poison/{first}")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/poison/not-a-guid")).ExpectProblemAsync(HttpStatusCode.BadRequest, "messageId");
        await (await client.PostAsync(new Uri($"/api/poison/{first}/requeue", UriKind.Relative), null)).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"/api/poison/{second}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"/api/poison/{second}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task ConnectionsAsync(HttpClient client)
    {
        var name = JobBodies.Unique("conn");
        await (await client.PostJsonAsync("/api/connections", ConnectionTests.Profile(name))).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/connections", ConnectionTests.Profile(name))).ExpectProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostJsonAsync("/api/connections", ConnectionTests.Profile(name + "-x").With("secretRef", "unknown"))).ExpectProblemAsync(HttpStatusCode.BadRequest, "secretRef");
        await (await client.GetAsync("/api/connections")).ExpectAsync(HttpStatusCode.OK);
        var read = await client.GetAsync($"/api/connections/{name}");
        await read.ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/connections/missing-conn")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var etag = HttpHelpers.ETagOf(read);
        await (await client.PutJsonAsync($"/api/connections/{name}", ConnectionTests.Profile(name).With("user", "ops"), IfMatch(etag))).ExpectAsync(HttpStatusCode.OK);
        await (await client.PutJsonAsync($"/api/connections/{name}", ConnectionTests.Profile(name), IfMatch(etag))).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PutJsonAsync("/api/connections/missing-conn", ConnectionTests.Profile("missing-conn"))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/connections/{name}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"/api/connections/{name}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task DeleteAsync(HttpClient client, string id, string staleETag)
    {
        await (await client.SendAsync(HttpMethod.Delete, $"/api/jobs/{id}", IfMatch(staleETag))).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.DeleteAsync($"/api/jobs/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"/api/jobs/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task KeysAsync(ContractRecorder recorder, Uri server)
    {
        using var anonymous = recorder.Client(server, apiKey: null);
        using var wrong = recorder.Client(server, apiKey: "not-a-key");
        await (await anonymous.GetAsync("/api/jobs")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await wrong.GetAsync("/api/stats")).ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }
}
