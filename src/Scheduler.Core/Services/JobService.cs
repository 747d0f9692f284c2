using Scheduler.Core.Dependencies;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Retention;
using Scheduler.Core.Schedules;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Services;

/// <summary>Creates and changes jobs. The due row is written before the job, with a time-based schedule version,
/// so a crash or a lost race leaves only a row that the sweep drops as stale. Every job it writes (or deletes) is kept in
/// (or dropped from) this process's <see cref="JobCache"/>, so that the job's first dispatch needs no read.</summary>
public sealed class JobService(IJobStore jobs, JobCache cache, IDueIndex due, JobValidator validator, ISweepSignal signal, TimeProvider time, SweepOptions sweep, IIdempotencyStore idempotency, RunRetention runRetention, ParentChecks parentChecks, ParentLinks links)
{
    /// <summary>The checks a create makes, writing nothing: the definition, then its parents against the stored jobs.</summary>
    public async Task<ValidationErrors> ValidateAsync(JobDefinition definition, CancellationToken cancellationToken)
    {
        var errors = await validator.ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
        if (errors.IsValid)
        {
            await parentChecks.CheckAsync(definition, errors, cancellationToken).ConfigureAwait(false);
        }

        return errors;
    }

    public Task<ServiceResult<Job>> CreateAsync(JobDefinition definition, CancellationToken cancellationToken) =>
        CreateAsync(definition, null, cancellationToken);

    /// <summary>Validates once, then creates the job: Created, Invalid, Conflict (the id exists, or the key created another
    /// job), or Ok with the stored job when <paramref name="idempotencyKey"/> already created this one (a replay).</summary>
    public async Task<ServiceResult<Job>> CreateAsync(JobDefinition definition, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = await ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
        if (!errors.IsValid)
        {
            return ServiceResult<Job>.Invalid(errors);
        }

        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            var claimedBy = await idempotency.ClaimAsync(idempotencyKey, definition.Id, cancellationToken).ConfigureAwait(false);
            if (claimedBy is not null && claimedBy != definition.Id)
            {
                return ServiceResult<Job>.Conflict($"The Idempotency-Key was already used to create job '{claimedBy}'; use a new key for a new job.");
            }

            if (claimedBy is not null && await jobs.GetAsync(definition.Id, cancellationToken).ConfigureAwait(false) is { } replayed)
            {
                return ServiceResult<Job>.Ok(replayed);
            }
        }
        else if (await jobs.GetAsync(definition.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            // Read before the due row is written: a due row's key is the job and its due time, so writing one for a job
            // that exists would replace that job's own row.
            return ServiceResult<Job>.Conflict($"A job with id '{definition.Id}' already exists.");
        }

        var now = time.GetUtcNow();
        var normalized = Normalize(definition, now);
        var next = ScheduleCalculator.First(normalized.Schedule, now, now);
        var job = new Job
        {
            Definition = normalized,
            Status = StatusOf(normalized.Schedule, next),
            NextDueUtc = next,
            ScheduleVersion = ScheduleVersions.Next(0, now),
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        await links.LinkAsync(job.Id, ParentsOf(normalized), cancellationToken).ConfigureAwait(false);
        await IndexAsync(job, now, cancellationToken).ConfigureAwait(false);
        var inserted = await jobs.InsertAsync(job, cancellationToken).ConfigureAwait(false);
        var created = inserted.Done ? job with { ETag = inserted.ETag } : await OursAfterConflictAsync(job, cancellationToken).ConfigureAwait(false);
        if (created is not null)
        {
            cache.Put(created);
            return ServiceResult<Job>.Created(created);
        }

        await RestoreWinnerRowAsync(definition.Id, now, cancellationToken).ConfigureAwait(false);
        return ServiceResult<Job>.Conflict($"A job with id '{definition.Id}' already exists.");
    }

    /// <summary>A storage retry after a lost response answers 409 to an insert that did land: the stored job is this request's
    /// own when it carries this request's schedule version and creation instant (time based, so no other create has both).</summary>
    private async Task<Job?> OursAfterConflictAsync(Job job, CancellationToken cancellationToken)
    {
        var stored = await jobs.GetAsync(job.Id, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.ScheduleVersion == job.ScheduleVersion && stored.CreatedUtc == job.CreatedUtc ? stored : null;
    }

    /// <summary>A create that lost a race with another create of the same id wrote its due row first, and a due row's key is the
    /// job and its due time: it may have replaced the winner's own row (its version would then make the sweep drop it, and the
    /// winner would never run). Writes the winner's row again; where the keys differ, the loser's row is dropped as stale.</summary>
    private async Task RestoreWinnerRowAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false) is { } winner)
        {
            await IndexAsync(winner, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the definition. Parents it names are linked to it before it is written; parents it stops naming are
    /// unlinked after (<see cref="ParentLinks"/>).</summary>
    public async Task<ServiceResult<Job>> ReplaceAsync(JobDefinition definition, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = await ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
        if (!errors.IsValid)
        {
            return ServiceResult<Job>.Invalid(errors);
        }

        await links.LinkAsync(definition.Id, ParentsOf(definition), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> before = [];
        var replaced = await ChangeAsync(definition.Id, ifMatch, (job, now) =>
        {
            before = ParentsOf(job.Definition);
            var normalized = Normalize(definition, now);
            var next = ScheduleCalculator.First(normalized.Schedule, job.CreatedUtc, now);
            var status = job.Status == JobStatus.Paused ? JobStatus.Paused : StatusOf(normalized.Schedule, next);
            return job with { Definition = normalized, NextDueUtc = next, Status = status, Occurrences = 0 };
        }, cancellationToken).ConfigureAwait(false);
        if (replaced.Succeeded)
        {
            await links.UnlinkAsync(definition.Id, before.Except(ParentsOf(definition)), cancellationToken).ConfigureAwait(false);
        }

        return replaced;
    }

    public Task<ServiceResult<Job>> PauseAsync(string jobId, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(jobId, ifMatch, (job, _) => job.Status == JobStatus.Completed ? job : job with { Status = JobStatus.Paused, NextDueUtc = null }, cancellationToken);

    public Task<ServiceResult<Job>> ResumeAsync(string jobId, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(jobId, ifMatch, (job, now) =>
        {
            if (job.Status != JobStatus.Paused)
            {
                return job;
            }

            var next = ScheduleCalculator.Resume(job.Definition.Schedule, job.CreatedUtc, now, job.Occurrences);
            return job with { Status = StatusOf(job.Definition.Schedule, next), NextDueUtc = next };
        }, cancellationToken);

    public Task<ServiceResult<bool>> DeleteAsync(string jobId, string? ifMatch, bool removeRuns, CancellationToken cancellationToken) =>
        DeleteAsync(jobId, ifMatch, removeRuns, detachChildren: false, cancellationToken);

    /// <summary>Deletes the job. Its runs stay until retention removes them, unless <paramref name="removeRuns"/>: then its
    /// ended runs go with it, their attempts too (a run still under way ends, then goes by retention). A job that other jobs name
    /// as a parent is refused (Conflict, naming them) unless <paramref name="detachChildren"/>: then each loses it from its
    /// <c>after</c> list first.</summary>
    public async Task<ServiceResult<bool>> DeleteAsync(string jobId, string? ifMatch, bool removeRuns, bool detachChildren, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        var children = job is null ? [] : await links.ChildrenOfAsync(job, cancellationToken).ConfigureAwait(false);
        if (children.Count > 0 && !detachChildren)
        {
            var names = string.Join(", ", children.Select(c => $"'{c.Id}'"));
            return ServiceResult<bool>.Conflict($"Job '{jobId}' is a parent of {names}: delete with children=detach to remove it from their 'after' lists, or change them first.");
        }

        foreach (var child in children)
        {
            await ChangeAsync(child.Id, null, (c, _) => c with { Definition = c.Definition with { After = [.. c.Definition.After.Where(r => r.Job != jobId)] } }, cancellationToken).ConfigureAwait(false);
        }

        var deleted = await jobs.DeleteAsync(jobId, ifMatch, cancellationToken).ConfigureAwait(false);
        if (deleted.Done)
        {
            cache.Forget(jobId);
            await links.UnlinkAsync(jobId, job is null ? [] : ParentsOf(job.Definition), cancellationToken).ConfigureAwait(false);
        }

        if (deleted.Done && removeRuns)
        {
            await runRetention.RemoveEndedAsync(jobId, cancellationToken).ConfigureAwait(false);
        }

        return deleted.Outcome switch
        {
            WriteOutcome.Done => ServiceResult<bool>.Ok(true),
            WriteOutcome.Stale => ServiceResult<bool>.PreconditionFailed($"Job '{jobId}' has changed; its ETag is no longer '{ifMatch}'."),
            _ => ServiceResult<bool>.NotFound($"Job '{jobId}' does not exist."),
        };
    }

    private async Task<ServiceResult<Job>> ChangeAsync(string jobId, string? ifMatch, Func<Job, DateTimeOffset, Job> change, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return ServiceResult<Job>.NotFound($"Job '{jobId}' does not exist.");
        }

        if (ifMatch is not null && ifMatch != "*" && ifMatch != job.ETag)
        {
            return ServiceResult<Job>.PreconditionFailed($"Job '{jobId}' has changed; its ETag is '{job.ETag}', not '{ifMatch}'.");
        }

        var now = time.GetUtcNow();
        var changed = change(job, now) with { ScheduleVersion = ScheduleVersions.Next(job.ScheduleVersion, now), UpdatedUtc = now };
        await IndexAsync(changed, now, cancellationToken).ConfigureAwait(false);
        var written = await jobs.ReplaceAsync(changed, cancellationToken).ConfigureAwait(false);
        if (written.Done)
        {
            cache.Put(changed with { ETag = written.ETag });
        }

        return written.Outcome switch
        {
            WriteOutcome.Done => ServiceResult<Job>.Ok(changed with { ETag = written.ETag }),
            WriteOutcome.NotFound => ServiceResult<Job>.NotFound($"Job '{jobId}' does not exist."),
            _ => ServiceResult<Job>.PreconditionFailed($"Job '{jobId}' changed while this request was applied; read it again."),
        };
    }

    private async Task IndexAsync(Job job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (job.Status != JobStatus.Active || job.NextDueUtc is not { } next)
        {
            return;
        }

        await due.AddAsync(DueEntryFactory.Scheduled(job, next, job.ScheduleVersion, now), cancellationToken).ConfigureAwait(false);
        if (next <= now + sweep.Lookahead)
        {
            signal.KickFor(next);
        }
    }

    /// <summary>A job with no occurrence left is Completed, unless it never had any in time (it runs after its parents or by hand).</summary>
    private static JobStatus StatusOf(ScheduleSpec schedule, DateTimeOffset? next) =>
        next is null && schedule.Kind != ScheduleKind.None ? JobStatus.Completed : JobStatus.Active;

    private static IReadOnlyList<string> ParentsOf(JobDefinition definition) => [.. definition.After.Select(r => r.Job)];

    private static JobDefinition Normalize(JobDefinition definition, DateTimeOffset now) =>
        definition.Schedule is { Kind: ScheduleKind.Once, Delay: { } delay }
            ? definition with { Schedule = definition.Schedule with { At = now + delay, Delay = null } }
            : definition;
}
