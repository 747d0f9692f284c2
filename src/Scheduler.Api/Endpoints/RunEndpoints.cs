using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Dependencies;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Endpoints;

/// <summary>Runs: a job's runs and runs across jobs (newest first), one run with its attempts, and cancel.</summary>
public static class RunEndpoints
{
    public static async Task<Results<Ok<ListView<RunView>>, ValidationProblem, ProblemHttpResult>> ListByJobAsync(string id, HttpRequest request, IRunStore runs, IJobStore jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(jobs);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var errors = new ValidationErrors();
        var (limit, continuation) = ListQuery.Paging(request, errors);
        if (!errors.IsValid)
        {
            return Problems.Invalid(errors);
        }

        var page = await runs.ListByJobAsync(id, limit, continuation, cancellationToken).ConfigureAwait(false);
        if (page.Items.Count == 0 && continuation is null && await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.NotFound($"Job '{id}' does not exist.");
        }

        return TypedResults.Ok(new ListView<RunView>(page.Items.Select(r => RunView.From(r)).ToList(), page.Continuation));
    }

    // Runs across jobs, newest first: "everything that failed in the last hour" is ?status=Failed.
    public static async Task<Results<Ok<ListView<RunView>>, ValidationProblem>> ListAsync(HttpRequest request, IRunStore runs, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(time);
        if (RunListQuery.From(request, time.GetUtcNow(), out var problem) is not { } query)
        {
            return problem!;
        }

        Page<Core.Runs.Run> page;
        try
        {
            page = await runs.ListAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            var errors = new ValidationErrors();
            errors.Require(false, "continuation", "The continuation is the opaque token returned with the previous page.");
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(new ListView<RunView>(page.Items.Select(r => RunView.From(r)).ToList(), page.Continuation));
    }

    public static async Task<Results<Entity<Ok<RunView>>, ValidationProblem, ProblemHttpResult>> GetAsync(string jobId, string runId, IRunStore runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (RouteIds.CheckRun(jobId, runId) is { } invalid)
        {
            return invalid;
        }

        var run = await runs.GetAsync(jobId, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return Problems.NotFound($"Run '{runId}' of job '{jobId}' does not exist (a triggered run waiting for a free slot appears once the sweep gives it one).");
        }

        var attempts = await runs.ListAttemptsAsync(jobId, runId, cancellationToken).ConfigureAwait(false);
        var started = await ChildRuns.StartedByAsync(runs, run, cancellationToken).ConfigureAwait(false);
        return Entities.Ok(RunView.From(run, attempts) with { Started = started.Count > 0 ? started : null }, run.ETag);
    }

    // A waiting run ends at once; a running attempt is interrupted within about a second (see CancelWatch) and no retry
    // follows. 409 when the run already finished.
    public static Task<Results<Entity<Ok<RunView>>, ValidationProblem, ProblemHttpResult>> CancelAsync(string jobId, string runId, RunCanceller canceller, CancellationToken cancellationToken) =>
        CancelAndStopAsync(jobId, runId, canceller, null, cancellationToken);

    /// <summary>As above, where the host also stops the run's execution (<see cref="IRunStopper"/>: the Functions host).</summary>
    public static async Task<Results<Entity<Ok<RunView>>, ValidationProblem, ProblemHttpResult>> CancelAndStopAsync(string jobId, string runId, RunCanceller canceller, IRunStopper? stopper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(canceller);
        if (RouteIds.CheckRun(jobId, runId) is { } invalid)
        {
            return invalid;
        }

        var canceled = await canceller.CancelAsync(jobId, runId, stopper, cancellationToken).ConfigureAwait(false);
        return canceled.Succeeded ? Entities.Ok(RunView.From(canceled.Value), canceled.Value.ETag) : ServiceResults.Problem(canceled);
    }
}
