using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests.Contract;

/// <summary>The API's contract is the committed <c>docs/openapi.json</c>: the document the Server serves must be that file, byte for
/// byte, so a change to the API is a reviewed change to it (<c>scripts/update-openapi.sh</c> rewrites it). And the file says what
/// linters and generators look for: a summary and a description on every operation, described tags, a contact and a licence.</summary>
[Collection(ApiDefinition.Name)]
public sealed class OpenApiSnapshotTests(ApiFixture fixture)
{
    /// <summary>Set to 1 (scripts/update-openapi.sh does) to write the served document over the committed one.</summary>
    public const string UpdateVariable = "SCHEDULER_UPDATE_OPENAPI";

    [Fact]
    public async Task Document_AsServed_IsTheCommittedOne()
    {
        using var client = fixture.App.Anonymous();
        var served = await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        var path = OpenApiContract.CommittedPath;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";

        if (served != committed)
        {
            Assert.Fail($"The API's OpenAPI document is not docs/openapi.json: {FirstDifference(served, committed)}. "
                + "If the change to the API is meant, run scripts/update-openapi.sh and commit the file with it.");
        }
    }

    [Fact]
    public void CommittedDocument_EveryOperation_HasASummaryADescriptionAndADescribedTag()
    {
        var document = JsonNode.Parse(File.ReadAllText(OpenApiContract.CommittedPath))!;
        var tags = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key} {p.Key}", Operation: o.Value!))).ToList();

        Assert.Equal(33, operations.Count);
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Name}: no summary"));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["description"]?.GetValue<string>()), $"{o.Name}: no description"));
        Assert.All(operations, o => Assert.Contains(Assert.Single(o.Operation["tags"]!.AsArray())!.GetValue<string>(), tags.Keys));
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), $"tag {t.Key}: no description"));
        Assert.NotNull(document["info"]!["license"]?["name"]);
        Assert.NotNull(document["info"]!["contact"]?["name"]);
        Assert.Null(document["servers"]);
    }

    private static string FirstDifference(string served, string committed)
    {
        var a = served.Split('\n');
        var b = committed.Split('\n');
        var line = Enumerable.Range(0, Math.Max(a.Length, b.Length)).First(i => i >= a.Length || i >= b.Length || a[i] != b[i]);
        return $"line {line + 1} is '{(line < a.Length ? a[line].Trim() : "(end)")}' as served, '{(line < b.Length ? b[line].Trim() : "(end)")}' in the file";
    }
}
