using System.Net;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

/// <summary>Every answer of the Server carries the security headers: the dashboard's page and files, the API's answers and its
/// refusals; the API reference has its own policy.</summary>
[Collection(ApiDefinition.Name)]
public sealed class SecurityHeaderTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/js/app.js", false)]
    [InlineData("/css/app.css", false)]
    [InlineData("/api/jobs", true)]
    [InlineData("/api/jobs/missing-job", false)]
    [InlineData("/api/health", false)]
    [InlineData("/openapi/v1.json", false)]
    public async Task Answer_CarriesTheSecurityHeaders(string path, bool withKey)
    {
        using var client = withKey ? fixture.App.Api() : fixture.App.Anonymous();

        using var response = await client.GetAsync(path);

        AssertHeaders(response, "script-src 'self'; style-src 'self'");
    }

    [Fact]
    public async Task Refusal_CarriesTheSecurityHeaders()
    {
        using var client = fixture.App.Anonymous();

        using var response = await client.GetAsync("/api/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertHeaders(response, "script-src 'self'; style-src 'self'");
    }

    [Fact]
    public async Task ApiReference_HasItsOwnPolicy_StillUnframed()
    {
        using var client = fixture.App.Anonymous();

        using var response = await client.GetAsync("/api/reference/");

        AssertHeaders(response, "script-src 'self' 'unsafe-inline'");
    }

    private static void AssertHeaders(HttpResponseMessage response, string scripts)
    {
        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains(scripts, policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
