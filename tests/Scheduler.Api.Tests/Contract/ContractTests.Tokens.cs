using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests.Contract;

/// <summary>The calls of <see cref="ContractTests"/> for trigger tokens and the audit trail.</summary>
public sealed partial class ContractTests
{
    private static async Task TokensAndAuditAsync(HttpClient client, string job)
    {
        var created = await (await client.PostJsonAsync($"/api/jobs/{job}/tokens", new JsonObject { ["name"] = "contract", ["expiresUtc"] = "2099-01-01T00:00:00Z" })).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"/api/jobs/{job}/tokens", new JsonObject { ["name"] = "not a name" })).ExpectProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await client.PostJsonAsync("/api/jobs/missing-job/tokens", new JsonObject())).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/jobs/{job}/tokens")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/jobs/missing-job/tokens")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/jobs/{job}/tokens/{created["id"]}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.DeleteAsync($"/api/jobs/{job}/tokens/{created["id"]}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/audit?kind=job")).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/audit?kind=everything")).ExpectProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await client.GetAsync($"/api/jobs/{job}/audit?limit=5")).ExpectAsync(HttpStatusCode.OK);
    }
}
