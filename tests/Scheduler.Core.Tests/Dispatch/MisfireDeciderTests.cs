using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dispatch;

public sealed class MisfireDeciderTests
{
    private static readonly DateTimeOffset Due = EngineHarness.Start;

    public static TheoryData<MisfireAction, int, bool, int> Table => new()
    {
        // action, lateness (s), run?, resume after (seconds after due)
        { MisfireAction.Skip, 0, true, 0 },
        { MisfireAction.Skip, 60, true, 0 },
        { MisfireAction.Skip, 61, false, 61 },
        { MisfireAction.RunOnce, 30, true, 0 },
        { MisfireAction.RunOnce, 600, true, 600 },
        { MisfireAction.RunAll, 30, true, 0 },
        { MisfireAction.RunAll, 600, true, 0 },
        { MisfireAction.RunAll, 3600, true, 0 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_EachActionAndLateness_RunsAndResumesAsDocumented(MisfireAction action, int latenessSeconds, bool run, int resumeSeconds)
    {
        var policy = new MisfirePolicy { Action = action, Threshold = TimeSpan.FromMinutes(1), Window = TimeSpan.FromHours(1) };

        var decision = MisfireDecider.Decide(policy, Due, Due.AddSeconds(latenessSeconds));

        Assert.Equal(run, decision.Run);
        Assert.Equal(Due.AddSeconds(resumeSeconds), decision.ResumeAfterUtc);
        Assert.Equal(run, decision.Reason is null);
    }

    [Fact]
    public void Decide_RunAllBeyondWindow_SkipsWithReason()
    {
        var policy = new MisfirePolicy { Action = MisfireAction.RunAll, Threshold = TimeSpan.FromMinutes(1), Window = TimeSpan.FromHours(1) };

        var decision = MisfireDecider.Decide(policy, Due, Due.AddHours(1).AddSeconds(1));

        Assert.False(decision.Run);
        Assert.Contains("window", decision.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Decide_RunAllBeyondWindow_ResumesAtTheWindowNotOneOccurrenceLater()
    {
        // Everything older than the window is skipped; resuming right after this one occurrence would walk through
        // every stale occurrence one sweep at a time (a job every 10 s down for a day: 8,640 sweeps and skipped runs).
        var policy = new MisfirePolicy { Action = MisfireAction.RunAll, Threshold = TimeSpan.FromMinutes(1), Window = TimeSpan.FromHours(1) };
        var now = Due.AddDays(1);

        var decision = MisfireDecider.Decide(policy, Due, now);

        Assert.False(decision.Run);
        Assert.True(decision.ResumeAfterUtc >= now - policy.Window, $"resumes after {decision.ResumeAfterUtc:O}, a day behind");
    }
}
