using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Services;

/// <summary>Runs a job now, outside its schedule (also when paused), with the parameter values the call passes: by hand
/// (Manual) or from an outside system (External, see <see cref="TriggerRequest.Trigger"/>). The values are checked against the
/// job's declared parameters before anything is written; the run freezes them (with the defaults) at dispatch.</summary>
public sealed class RunTriggers(IJobStore jobs, IRunStore runs, IDueIndex due, ManualDispatch manual, ISweepSignal signal, IIdempotencyStore idempotency, TriggerInstants instants, TimeProvider time)
{
    /// <summary>Created with the new run's id; Ok with the run's id when <see cref="TriggerRequest.IdempotencyKey"/> already
    /// started it; Invalid (unknown or oversized parameter), NotFound, or Conflict (the key started a run with other values).</summary>
    public async Task<ServiceResult<string>> TriggerAsync(string jobId, TriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return ServiceResult<string>.NotFound($"Job '{jobId}' does not exist.");
        }

        var values = request.Parameters ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new ValidationErrors();
        ParameterRules.CheckValues(values, job.Definition.Parameters ?? [], errors);
        if (!errors.IsValid)
        {
            return ServiceResult<string>.Invalid(errors);
        }

        var dueUtc = instants.Next();
        var inputs = new RunInputs { Parameters = values };
        var claim = TriggerClaim.For(RunIds.For(jobId, dueUtc), values);
        if (!string.IsNullOrEmpty(request.IdempotencyKey)
            && await idempotency.ClaimAsync(TriggerClaim.KeyOf(jobId, request.IdempotencyKey), claim.ToString(), cancellationToken).ConfigureAwait(false) is { } claimed)
        {
            return await ReplayAsync(job, TriggerClaim.Parse(claimed), claim, request.Trigger, inputs, cancellationToken).ConfigureAwait(false);
        }

        await StartAsync(DueEntryFactory.OnDemand(job, dueUtc, time.GetUtcNow(), request.Trigger, inputs), cancellationToken).ConfigureAwait(false);
        return ServiceResult<string>.Created(claim.RunId);
    }

    /// <summary>A repeat of a keyed trigger answers the run the key started. Should that run not exist (the first call failed
    /// after claiming the key), its row is written again at the same instant: the run id is the dedupe, so it runs once.</summary>
    private async Task<ServiceResult<string>> ReplayAsync(Job job, TriggerClaim claimed, TriggerClaim claim, RunTrigger trigger, RunInputs inputs, CancellationToken cancellationToken)
    {
        if (claimed.Fingerprint != claim.Fingerprint)
        {
            return ServiceResult<string>.Conflict($"The Idempotency-Key already started run '{claimed.RunId}' with other parameters; send the same parameters to repeat that call, or use a new key for a new run.");
        }

        if (await runs.GetAsync(job.Id, claimed.RunId, cancellationToken).ConfigureAwait(false) is null)
        {
            await StartAsync(DueEntryFactory.OnDemand(job, RunIds.DueOf(claimed.RunId), time.GetUtcNow(), trigger, inputs), cancellationToken).ConfigureAwait(false);
        }

        return ServiceResult<string>.Ok(claimed.RunId);
    }

    private async Task StartAsync(DueEntry row, CancellationToken cancellationToken)
    {
        await due.AddAsync(row, cancellationToken).ConfigureAwait(false);
        // The run exists when the trigger answers (a listing right after shows it), unless the sweep must decide its turn.
        if (!await manual.TryAsync(row, cancellationToken).ConfigureAwait(false))
        {
            signal.Kick();
        }
    }
}
