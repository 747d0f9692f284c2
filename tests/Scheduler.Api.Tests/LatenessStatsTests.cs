using Scheduler.Api.Endpoints;

namespace Scheduler.Api.Tests;

/// <summary>Lateness in /api/stats is signed: an early start is shown and counted, never read as "0 ms late".</summary>
public sealed class LatenessStatsTests
{
    [Fact]
    public void Lateness_EarlyStarts_AreNegativeAndCounted()
    {
        var view = StatsEndpoints.Lateness([-400, -20, 0, 15, 30]);

        Assert.Equal(2, view.Early);
        Assert.Equal(0, view.P50);
        Assert.Equal(5, view.Samples);
    }

    [Fact]
    public void Lateness_AllOnTime_CountsNoEarlyStart()
    {
        var view = StatsEndpoints.Lateness([0, 12, 40]);

        Assert.Equal(0, view.Early);
        Assert.Equal(12, view.P50);
    }
}
