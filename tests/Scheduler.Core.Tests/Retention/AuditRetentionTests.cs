using Scheduler.Core.Audit;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Retention;

/// <summary>The retention pass over the audit trail: entries recorded before <c>AuditFor</c> go, younger ones stay.</summary>
public sealed class AuditRetentionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RetentionPass_AuditEntriesPastAuditFor_Removed_OthersKept()
    {
        var h = new EngineHarness();
        h.RetentionOptions.AuditFor = TimeSpan.FromDays(1);
        var now = h.Time.GetUtcNow();
        await h.AuditLog.RecordAsync(new AuditEntry { AtUtc = now.AddDays(-2), Caller = "k", Operation = "PauseJob", EntityKind = AuditKinds.Job, EntityId = "old" }, None);
        await h.AuditLog.RecordAsync(new AuditEntry { AtUtc = now.AddHours(-1), Caller = "k", Operation = "PauseJob", EntityKind = AuditKinds.Job, EntityId = "young" }, None);

        var report = await h.Retention.RunAsync(None);

        var left = await h.AuditLog.ListAsync(new AuditQuery { SinceUtc = now.AddDays(-10), UntilUtc = now.AddDays(1) }, None);
        Assert.Equal(1, report.Audit);
        Assert.Equal(["young"], left.Items.Select(e => e.EntityId));
    }
}
