using System.Net;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests.Contract;

/// <summary>Every answer a user can cause, from a real Server over real sockets, held to the committed OpenAPI document by a JSON
/// Schema validator: each operation's successes and its errors (bad input, missing, conflict, stale ETag, wrong media type,
/// too large, no or wrong key). A field the document requires but an answer lacks, a member it does not declare, a status it
/// does not list: each fails here, whichever endpoint sends it.</summary>
[Collection(ApiDefinition.Name)]
public sealed partial class ContractTests(ApiFixture fixture)
{
    [Fact]
    public async Task EveryAnswer_OfEveryOperation_MatchesTheDocument()
    {
        var contract = OpenApiContract.Committed();
        var storage = fixture.Azurite.NewOptions();
        await using var server = await ServerProcess.StartAsync(storage);
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var recorder = new ContractRecorder(contract);
        using (var client = recorder.Client(server.BaseAddress, SchedulerApp.ApiKey))
        {
            await (await client.GetAsync("/api/health")).ExpectAsync(HttpStatusCode.OK);
            var (job, staleETag) = await JobsAsync(client);
            await RunsAsync(client, job);
            await OperationsAsync(client);
            await ConnectionsAsync(client);
            await TokensAndAuditAsync(client, job);
            await PoisonAsync(client, storage);
            await DeleteAsync(client, job, staleETag);
        }

        await KeysAsync(recorder, server.BaseAddress);

        Assert.True(recorder.Violations.Count == 0, $"{recorder.Violations.Count} violations:\n" + string.Join("\n", recorder.Violations));
        var answered = recorder.Answers.Where(a => a.Status is >= 200 and < 300).Select(a => a.Operation).ToHashSet();
        var unanswered = contract.Operations.Where(o => !answered.Contains(o)).ToList();
        Assert.True(unanswered.Count == 0, "No success answer checked for: " + string.Join(", ", unanswered));
    }

    private async Task<(string Id, string StaleETag)> JobsAsync(HttpClient client)
    {
        var id = JobBodies.Unique("contract");
        var body = JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.FarFuture());
        var created = await client.PostJsonAsync("/api/jobs", body);
        await created.ExpectAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/jobs", body)).ExpectProblemAsync(HttpStatusCode.Conflict);
        var again = new Dictionary<string, string> { ["Idempotency-Key"] = id };
        var other = JobBodies.Http(id + "-i", fixture.Sink.Url($"ok/{id}"), JobBodies.FarFuture());
        await (await client.PostJsonAsync("/api/jobs", other, again)).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/jobs", other, again)).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/jobs?validateOnly=true", JobBodies.Http("valid", "https://example.test/", JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.PostJsonAsync("/api/jobs?validateOnly=true", JobBodies.Http("bad", "https://example.test/", JobBodies.Cron("61 * * * *")))).ExpectProblemAsync(HttpStatusCode.BadRequest, "schedule.cron");
        await (await client.SendJsonAsync(HttpMethod.Post, "/api/jobs", "{\"id\": \"x\",\n \"target\": ")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await (await client.SendJsonAsync(HttpMethod.Post, "/api/jobs", "{\"id\": \"x\", \"bogus\": 1}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "bogus");
        using (var text = new StringContent("id=x", System.Text.Encoding.UTF8, "text/plain"))
        {
            await (await client.PostAsync("/api/jobs", text)).ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }

        await (await client.SendJsonAsync(HttpMethod.Post, "/api/jobs", "\"" + new string('x', 300 * 1024) + "\"")).ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await client.GetAsync("/api/jobs")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/jobs?limit=0")).ExpectProblemAsync(HttpStatusCode.BadRequest, "limit");
        var read = await client.GetAsync($"/api/jobs/{id}");
        await read.ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/jobs/missing-job")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/jobs/" + new string('a', 300))).ExpectProblemAsync(HttpStatusCode.BadRequest, "id");
        var etag = HttpHelpers.ETagOf(read);
        var replaced = await client.PutJsonAsync($"/api/jobs/{id}", body.With("name", "renamed"), IfMatch(etag));
        await replaced.ExpectAsync(HttpStatusCode.OK);
        await (await client.PutJsonAsync($"/api/jobs/{id}", body, IfMatch(etag))).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PutJsonAsync($"/api/jobs/{id}", JobBodies.Http("other", "https://example.test/", JobBodies.FarFuture()))).ExpectProblemAsync(HttpStatusCode.BadRequest, "id");
        await (await client.PutJsonAsync("/api/jobs/missing-job", JobBodies.Http("missing-job", "https://example.test/", JobBodies.FarFuture()))).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/jobs/{id}/pause", null)).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"/api/jobs/{id}/pause", null)).ExpectAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"/api/jobs/{id}/resume", null)).ExpectAsync(HttpStatusCode.OK);
        await (await client.SendAsync(HttpMethod.Post, $"/api/jobs/{id}/pause", IfMatch(etag))).ExpectProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PostAsync("/api/jobs/missing-job/resume", null)).ExpectProblemAsync(HttpStatusCode.NotFound);
        return (id, etag);
    }

    private static Dictionary<string, string> IfMatch(string etag) => new() { ["If-Match"] = etag };
}
