using Scheduler.Core.Targets;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Tests.Validation;

public sealed class HttpTargetRulesTests
{
    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("cookie", true)]
    [InlineData("X-Functions-Key", true)]
    [InlineData("Ocp-Apim-Subscription-Key", true)]
    [InlineData("X-Auth-Token", true)]
    [InlineData("X-Trace", false)]
    [InlineData("Content-Type", false)]
    public void IsCredentialHeader_Name_DecidesLikeTheRule(string name, bool expected) =>
        Assert.Equal(expected, CredentialNames.IsCredentialHeader(name));

    [Theory]
    [InlineData("code", true)]
    [InlineData("sig", true)]
    [InlineData("api_key", true)]
    [InlineData("access_token", true)]
    [InlineData("page", false)]
    public void IsCredentialQueryParameter_Name_DecidesLikeTheRule(string name, bool expected) =>
        Assert.Equal(expected, CredentialNames.IsCredentialQueryParameter(name));

    [Fact]
    public void Check_ReferencesAuthAndVisibleNames_AcceptsAWellFormedTarget()
    {
        var errors = new ValidationErrors();

        HttpTargetRules.Check(
            new HttpTargetSpec
            {
                Url = "https://example.com/hook?page=1",
                Headers = new Dictionary<string, string> { ["X-Trace"] = "t" },
                SecretHeaders = new Dictionary<string, string> { ["X-Api-Key"] = "orders-api-key" },
                SecretQuery = new Dictionary<string, string> { ["code"] = "orders-function-key" },
                Auth = new HttpAuthSpec { Type = HttpAuthSpec.ManagedIdentity, Audience = "api://orders" },
                VisibleInExcerpts = ["page", "X-Trace"],
            },
            errors);

        Assert.True(errors.IsValid, string.Join("; ", errors.All.Select(e => $"{e.Field}: {e.Message}")));
    }

    [Fact]
    public void Check_MisusedFields_NamesEachOne()
    {
        var errors = new ValidationErrors();

        HttpTargetRules.Check(
            new HttpTargetSpec
            {
                Url = "https://example.com/hook?page=1",
                Headers = new Dictionary<string, string> { ["X-Api-Key"] = "literal" },
                SecretHeaders = new Dictionary<string, string> { ["x-api-key"] = "a value, not a name", ["Authorization"] = "bearer-secret" },
                SecretQuery = new Dictionary<string, string> { ["page"] = "page-secret" },
                Auth = new HttpAuthSpec { Type = "basic", Audience = "" },
                VisibleInExcerpts = ["code", "x-api-key"],
            },
            errors);

        Assert.Equal(
            ["target.auth", "target.auth.audience", "target.auth.type", "target.headers.X-Api-Key", "target.secretHeaders.x-api-key", "target.secretQuery.page",
             "target.visibleInExcerpts[0]", "target.visibleInExcerpts[1]"],
            errors.All.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, errors.All.Count(e => e.Field == "target.secretHeaders.x-api-key"));
    }

    [Fact]
    public void ScopeFor_Audience_AddsDefaultOnce()
    {
        Assert.Equal("api://orders/.default", HttpAuthSpec.ScopeFor("api://orders/"));
        Assert.Equal("api://orders/.default", HttpAuthSpec.ScopeFor("api://orders/.default"));
    }
}
