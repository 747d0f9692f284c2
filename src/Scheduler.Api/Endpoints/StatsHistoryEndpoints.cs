using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Stats;

namespace Scheduler.Api.Endpoints;

/// <summary>The history the overview draws: runs by final status and lateness percentiles per step, from the per-minute run
/// counters (one row per minute: 60 rows for the last hour, 1,440 for the last day).</summary>
public static class StatsHistoryEndpoints
{
    public const string HourWindow = "1h";
    public const string DayWindow = "24h";

    public static async Task<Results<Ok<StatsHistoryView>, ValidationProblem>> GetAsync(HttpRequest request, RunHistory history, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(time);
        var asked = request.Query["window"].ToString();
        var now = time.GetUtcNow();
        var window = asked switch
        {
            "" or HourWindow => CounterWindow.LastHour(now),
            DayWindow => CounterWindow.LastDay(now),
            _ => null,
        };
        if (window is null)
        {
            return Problems.Invalid("window", $"window is '{HourWindow}' (the last hour by minute, the default) or '{DayWindow}' (the last day by 15 minutes).");
        }

        var minutes = await history.ReadAsync(window.FromUtc, window.ToUtc, cancellationToken).ConfigureAwait(false);
        var points = window.Sum(minutes)
            .Select(p => new StatsPoint(p.Minute, RunCounts.Outcomes.ToDictionary(s => s, p.FinishedWith), LatenessView.Of(p)))
            .ToList();
        var view = new StatsHistoryView(asked.Length == 0 ? HourWindow : asked, window.FromUtc, window.ToUtc, (int)window.Step.TotalSeconds, points);
        return TypedResults.Ok(view);
    }
}
