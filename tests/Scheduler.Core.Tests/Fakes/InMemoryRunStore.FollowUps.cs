using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>A run's follow-ups in memory (written with the run by <see cref="SettleAsync"/>): listed while pending, tried,
/// closed with the run's pending flag cleared by the last.</summary>
public sealed partial class InMemoryRunStore
{
    public Task<IReadOnlyList<FollowUp>> ListPendingAsync(string jobId, string runId, CancellationToken cancellationToken) => Call<IReadOnlyList<FollowUp>>(() =>
        [.. followUps.Values.Where(f => f.JobId == jobId && f.RunId == runId && f.GaveUpUtc is null)]);

    public Task<Written> RecordTryAsync(FollowUp followUp, CancellationToken cancellationToken) => Call(() =>
    {
        if (!followUps.TryGetValue(KeyOf(followUp), out var current))
        {
            return Written.NotFound;
        }

        if (followUp.ETag is not null && followUp.ETag != current.ETag)
        {
            return Written.Stale;
        }

        var etag = etags.Next();
        followUps[KeyOf(followUp)] = followUp with { ETag = etag };
        return Written.Ok(etag);
    });

    public Task<Written> CloseAsync(string jobId, string runId, FollowUp? followUp, bool last, CancellationToken cancellationToken) => Call(() =>
    {
        var closed = followUp is null || followUps.ContainsKey(KeyOf(followUp));
        if (followUp is not null && closed)
        {
            if (followUp.GaveUpUtc is null)
            {
                followUps.Remove(KeyOf(followUp));
            }
            else
            {
                followUps[KeyOf(followUp)] = followUp with { ETag = etags.Next() };
            }
        }

        if (!last)
        {
            return closed ? Written.Ok(null) : Written.NotFound;
        }

        return runs.TryGetValue((jobId, runId), out var run) ? Store(run with { FollowUpsPending = false }) : Written.NotFound;
    });

    /// <summary>Follow-up rows stored (pending or given up), across runs.</summary>
    public IReadOnlyList<FollowUp> FollowUps => Locked(() => followUps.Values.ToList());

    private static (string, string, int) KeyOf(FollowUp followUp) => (followUp.JobId, followUp.RunId, followUp.Number);
}
