using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>
/// The job form and the members of a definition beyond target, schedule and policies (parents, require, parameters,
/// alert rules, notifications, an HTTP target's secret headers): an edit keeps them, the form edits and creates them,
/// and a wrong value in one is shown at its field without saving anything.
/// </summary>
[Collection("dashboard")]
public sealed class JobFormMembersTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task EditJob_ChangingOnlyTheTimeout_KeepsEveryOtherMember()
    {
        await fixture.Host.CreateJobAsync("members-parent-a", "ok/members-parent-a", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("members-parent-b", "ok/members-parent-b", SchedulerHost.Rarely());
        await fixture.Host.PostAsync("api/jobs", ChildJob("members-keep"));
        var before = await DefinitionAsync("members-keep");

        await _page.GotoAsync("/#/jobs/members-keep/edit");
        await Expect(_page.Locator("[data-field='schedule.kind'] select")).ToHaveValueAsync("None");
        await Expect(_page.Locator("#preview-status")).ToContainTextAsync("only after its parents");
        await Expect(_page.GetByLabel("Runs after (parent jobs)", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("members-parent-b"));
        await DashboardFixture.ScreenshotAsync(_page, "job-form-members");
        await _page.GetByLabel("Timeout per attempt", new() { Exact = true }).FillAsync("2m");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/jobs/members-keep$"));
        var after = await DefinitionAsync("members-keep");
        Assert.Equal("00:02:00", after["timeout"]?.GetValue<string>());
        before["timeout"] = "00:02:00";
        Assert.True(JsonNode.DeepEquals(before, after), $"Expected every other member intact.\nBefore: {before.ToJsonString()}\nAfter:  {after.ToJsonString()}");
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task EditJob_Parents_ThroughTheForm_AreStored()
    {
        await fixture.Host.CreateJobAsync("members-edit-p1", "ok/members-edit-p1", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("members-edit-p2", "ok/members-edit-p2", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("members-edit-after", "ok/members-edit-after", SchedulerHost.Rarely());

        await _page.GotoAsync("/#/jobs/members-edit-after/edit");
        await Expect(_page.GetByLabel("Runs after (parent jobs)", new() { Exact = true })).ToHaveValueAsync("");
        await _page.GetByLabel("Runs after (parent jobs)", new() { Exact = true })
            .FillAsync("""[{"job": "members-edit-p1", "on": "Ended"}, {"job": "members-edit-p2", "on": "Succeeded"}]""");
        await _page.GetByLabel("With several parents, run after", new() { Exact = true }).SelectOptionAsync("Any");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/jobs/members-edit-after$"));
        var stored = await DefinitionAsync("members-edit-after");
        var parents = stored["after"]!.AsArray();
        Assert.Equal(["members-edit-p1", "members-edit-p2"], parents.Select(p => p!["job"]!.GetValue<string>()).ToArray());
        Assert.Equal(["Ended", "Succeeded"], parents.Select(p => p!["on"]!.GetValue<string>()).ToArray());
        Assert.Equal("Any", stored["require"]?.GetValue<string>());
        Assert.Equal("0 0 1 1 *", stored["schedule"]?["cron"]?.GetValue<string>());
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task EditJob_WrongValuesInTheNewFields_ShowsEachAtItsFieldAndSavesNothing()
    {
        await fixture.Host.CreateJobAsync("members-bad-parent-a", "ok/members-bad-parent-a", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("members-bad-parent-b", "ok/members-bad-parent-b", SchedulerHost.Rarely());
        await fixture.Host.PostAsync("api/jobs", ChildJob("members-bad", "members-bad-parent-a", "members-bad-parent-b"));
        var before = await DefinitionAsync("members-bad");

        await _page.GotoAsync("/#/jobs/members-bad/edit");
        await _page.GetByLabel("Timeout per attempt", new() { Exact = true }).FillAsync("5m");
        await _page.GetByLabel("Alert rules", new() { Exact = true })
            .FillAsync("""[{"on": "Failed", "webhook": {"url": "https://example.com/alerts"}, "cooldown": "-00:01:00"}]""");
        await _page.GetByLabel("Parameters", new() { Exact = true }).FillAsync("""[{"name": "day",""");
        await _page.GetByLabel("Runs after (parent jobs)", new() { Exact = true }).FillAsync("""[{"job": "members-bad"}]""");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        // The form's own (text that is not JSON) and the server's, named after an entry (alerts[0].cooldown, after[0].job).
        await Expect(_page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(_page.Locator("[data-field='parameters'] .field-error")).ToContainTextAsync("This is not JSON");
        await Expect(_page.Locator("[data-field='alerts'] .field-error")).ToContainTextAsync("The cooldown is a time from 00:00:00");
        await Expect(_page.Locator("[data-field='after'] .field-error")).ToContainTextAsync("cannot run after itself");
        await Expect(_page.GetByLabel("Alert rules", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(_page.Locator("#form-errors")).ToContainTextAsync("alerts[0].cooldown");
        await DashboardFixture.ScreenshotAsync(_page, "job-form-members-errors");

        Assert.True(JsonNode.DeepEquals(before, await DefinitionAsync("members-bad")), "nothing was saved");
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task CreateJob_WithParentsParametersAndAlerts_StoresThem()
    {
        await fixture.Host.CreateJobAsync("members-new-parent", "ok/members-new-parent", SchedulerHost.Rarely());
        var alertUrl = fixture.Host.Sink.Url("members-new-alerts");

        await _page.GotoAsync("/#/jobs/new");
        await _page.GetByLabel("Job id", new() { Exact = true }).FillAsync("members-new");
        await _page.GetByLabel("URL", new() { Exact = true }).FillAsync(fixture.Host.Sink.Url("ok/members-new"));
        await _page.Locator("[data-field='schedule.kind'] select").SelectOptionAsync("None");
        await _page.GetByLabel("Runs after (parent jobs)", new() { Exact = true }).FillAsync("""[{"job": "members-new-parent", "on": "Failed"}]""");
        await _page.GetByLabel("Parameters", new() { Exact = true }).FillAsync("""[{"name": "day", "default": "today", "description": "Day to load"}]""");
        await _page.GetByLabel("Alert rules", new() { Exact = true })
            .FillAsync($$"""[{"on": "ConsecutiveFailures", "count": 3, "webhook": {"url": "{{alertUrl}}"}, "cooldown": "00:30:00"}]""");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/jobs/members-new$"));
        var stored = await DefinitionAsync("members-new");
        Assert.Equal("None", stored["schedule"]?["kind"]?.GetValue<string>());
        Assert.Equal("members-new-parent", stored["after"]?[0]?["job"]?.GetValue<string>());
        Assert.Equal("Failed", stored["after"]?[0]?["on"]?.GetValue<string>());
        Assert.Equal("today", stored["parameters"]?[0]?["default"]?.GetValue<string>());
        Assert.Equal(3, stored["alerts"]?[0]?["count"]?.GetValue<int>());
        Assert.Equal(alertUrl, stored["alerts"]?[0]?["webhook"]?["url"]?.GetValue<string>());
        Assert.Empty(fixture.PageErrors);
    }

    /// <summary>A job with no schedule of its own and every member the form did not show before.</summary>
    private JsonObject ChildJob(string id, string parentA = "members-parent-a", string parentB = "members-parent-b") => new()
    {
        ["id"] = id,
        ["target"] = new JsonObject
        {
            ["type"] = "http",
            ["method"] = "POST",
            ["url"] = fixture.Host.Sink.Url($"ok/{id}"),
            ["secretHeaders"] = new JsonObject { ["X-Api-Key"] = SchedulerHost.SecretName },
        },
        ["schedule"] = new JsonObject { ["kind"] = "None" },
        ["after"] = new JsonArray(
            new JsonObject { ["job"] = parentA, ["on"] = "Succeeded" },
            new JsonObject { ["job"] = parentB, ["on"] = "Ended" }),
        ["require"] = "Any",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "day", ["default"] = "today", ["description"] = "Day to load" }),
        ["alerts"] = new JsonArray(
            new JsonObject { ["on"] = "Failed", ["webhook"] = new JsonObject { ["url"] = fixture.Host.Sink.Url($"alerts/{id}") }, ["cooldown"] = "00:10:00" },
            new JsonObject { ["on"] = "ConsecutiveFailures", ["count"] = 3, ["webhook"] = new JsonObject { ["url"] = fixture.Host.Sink.Url($"alerts/{id}") } }),
        ["notify"] = new JsonArray(new JsonObject { ["on"] = "Failed", ["url"] = fixture.Host.Sink.Url($"notify/{id}") }),
    };

    private async Task<JsonObject> DefinitionAsync(string id) =>
        (await fixture.Host.GetAsync($"api/jobs/{id}"))?["definition"]?.AsObject() ?? throw new InvalidOperationException($"No definition for {id}.");
}
