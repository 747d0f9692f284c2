using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

/// <summary>Answers are JSON a person can read: only what JSON requires is escaped.</summary>
[Collection(ApiDefinition.Name)]
public sealed class ReadableJsonTests(ApiFixture fixture)
{
    [Fact]
    public async Task Create_BodyWithQuotesAndAngleBrackets_AnswerEscapesOnlyWhatJsonRequires()
    {
        using var client = fixture.App.Api();
        var id = JobBodies.Unique("json");
        var job = JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.FarFuture())
            .With("target", new JsonObject { ["type"] = "http", ["url"] = fixture.Sink.Url($"ok/{id}"), ["body"] = "{\"report\":\"<daily> & 'weekly'\"}" });

        using var created = await client.PostJsonAsync("/api/jobs", job);
        var text = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"body\":\"{\\\"report\\\":\\\"<daily> & 'weekly'\\\"}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_MessageWithQuotes_IsNotUnicodeEscaped()
    {
        using var client = fixture.App.Api();

        using var answer = await client.GetAsync(new Uri("/api/jobs/no-such-job-here", UriKind.Relative));
        var text = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("'no-such-job-here'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", text, StringComparison.Ordinal);
    }
}
