using System.Net;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

/// <summary>POST /api/jobs?validateOnly=true checks a definition in full and saves nothing.</summary>
[Collection(ApiDefinition.Name)]
public sealed class ValidateOnlyTests(ApiFixture fixture)
{
    [Fact]
    public async Task ValidateOnly_ValidDefinition_Answers204AndSavesNothing()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("dry");

        using var checkedOnly = await client.PostJsonAsync("/api/jobs?validateOnly=true", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.FarFuture()));

        Assert.Equal(HttpStatusCode.NoContent, checkedOnly.StatusCode);
        await (await client.GetAsync($"/api/jobs/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ValidateOnly_InvalidDefinition_NamesEveryField()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("dry");
        var body = JobBodies.Http(id, "ftp://example.test/x", JobBodies.Cron("61 * * * *", "Mars/Base")).With("priority", 12);

        var problem = await (await client.PostJsonAsync("/api/jobs?validateOnly=true", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["priority", "schedule.cron", "schedule.timeZone", "target.url"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        await (await client.GetAsync($"/api/jobs/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ValidateOnly_NotABoolean_IsRefusedNamingTheParameter()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("dry");

        var problem = await (await client.PostJsonAsync("/api/jobs?validateOnly=maybe", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.FarFuture()))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["validateOnly"]);
        await (await client.GetAsync($"/api/jobs/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
