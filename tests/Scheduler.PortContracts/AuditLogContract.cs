using Scheduler.Core.Audit;
using Scheduler.Core.Ports;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IAuditLog"/>: entries come back whole, newest first across days, filtered by window, kind,
/// entity, job and caller, paged without loss or repeat; removal by age takes only older entries, at most the limit.</summary>
public abstract class AuditLogContract : PortContract<IAuditLog>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordAsync_ThenListAsync_AnswersTheEntryWholeWithAnId()
    {
        var log = await NewAsync();
        var recorded = await log.RecordAsync(Entry(Day, "ReplaceJob", AuditKinds.Job, "job-a", "job-a") with { Before = "{\"v\":1}", After = "{\"v\":2}" }, Ct);

        var page = await log.ListAsync(Window(), Ct);

        var entry = Assert.Single(page.Items);
        Assert.NotEmpty(recorded.Id);
        Assert.Equal(recorded, entry);
        Assert.Equal(("platform", "{\"v\":1}", "{\"v\":2}"), (entry.Caller, entry.Before, entry.After));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task ListAsync_EntriesOverSeveralDays_NewestFirst()
    {
        var log = await NewAsync();
        foreach (var hours in new[] { 0, 30, -30, 1, 55 })
        {
            await log.RecordAsync(Entry(Day.AddHours(hours), "PauseJob", AuditKinds.Job, $"job-{hours}", $"job-{hours}"), Ct);
        }

        var page = await log.ListAsync(Window(), Ct);

        Assert.Equal(new[] { 55, 30, 1, 0, -30 }.Select(h => Day.AddHours(h)), page.Items.Select(e => e.AtUtc));
    }

    [Fact]
    public async Task ListAsync_Filters_MatchEveryOneGiven()
    {
        var log = await NewAsync();
        await log.RecordAsync(Entry(Day, "ReplaceJob", AuditKinds.Job, "job-a", "job-a"), Ct);
        await log.RecordAsync(Entry(Day.AddMinutes(1), "CreateTriggerToken", AuditKinds.Token, "job-a/0011223344556677", "job-a"), Ct);
        await log.RecordAsync(Entry(Day.AddMinutes(2), "ReplaceJob", AuditKinds.Job, "job-b", "job-b"), Ct);
        await log.RecordAsync(Entry(Day.AddMinutes(3), "PutConfig", AuditKinds.Config, "config", null) with { Caller = "on-call" }, Ct);
        await log.RecordAsync(Entry(Day.AddDays(-3), "ReplaceJob", AuditKinds.Job, "job-a", "job-a"), Ct);

        var ofJob = await log.ListAsync(Window() with { JobId = "job-a", SinceUtc = Day.AddDays(-1) }, Ct);
        var jobsOnly = await log.ListAsync(Window() with { EntityKind = AuditKinds.Job }, Ct);
        var entity = await log.ListAsync(Window() with { EntityKind = AuditKinds.Job, EntityId = "job-b" }, Ct);
        var byCaller = await log.ListAsync(Window() with { Caller = "on-call" }, Ct);

        Assert.Equal(["CreateTriggerToken", "ReplaceJob"], ofJob.Items.Select(e => e.Operation));
        Assert.Equal(3, jobsOnly.Items.Count);
        Assert.Equal("job-b", Assert.Single(entity.Items).EntityId);
        Assert.Equal("PutConfig", Assert.Single(byCaller.Items).Operation);
    }

    [Fact]
    public async Task ListAsync_ByPages_EveryEntryOnceInOrder()
    {
        var log = await NewAsync();
        for (var i = 0; i < 7; i++)
        {
            // Two entries in the same instant, and days apart: pages cross partitions and ties.
            await log.RecordAsync(Entry(Day.AddDays(-(i / 2)), "PauseJob", AuditKinds.Job, $"job-{i}", $"job-{i}"), Ct);
        }

        var seen = new List<AuditEntry>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await log.ListAsync(Window() with { Limit = 2, Continuation = continuation }, Ct);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items);
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 20);

        Assert.Equal(7, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(e => e.AtUtc).Select(e => e.AtUtc), seen.Select(e => e.AtUtc));
    }

    [Fact]
    public async Task DeleteBeforeAsync_OnlyOlderEntries_AtMostTheLimit()
    {
        var log = await NewAsync();
        foreach (var days in new[] { 0, -1, -5, -6, -40 })
        {
            await log.RecordAsync(Entry(Day.AddDays(days), "PauseJob", AuditKinds.Job, $"job{-days}", null), Ct);
        }

        var first = await log.DeleteBeforeAsync(Day.AddDays(-2), 2, Ct);
        var second = await log.DeleteBeforeAsync(Day.AddDays(-2), 10, Ct);
        var left = await log.ListAsync(Window() with { SinceUtc = Day.AddDays(-100) }, Ct);

        Assert.Equal((2, 1), (first, second));
        Assert.Equal(["job0", "job1"], left.Items.Select(e => e.EntityId));
    }

    private static AuditQuery Window() => new() { SinceUtc = Day.AddDays(-7), UntilUtc = Day.AddDays(7) };

    private static AuditEntry Entry(DateTimeOffset at, string operation, string kind, string id, string? jobId) =>
        new() { AtUtc = at, Caller = "platform", Operation = operation, EntityKind = kind, EntityId = id, JobId = jobId };
}
