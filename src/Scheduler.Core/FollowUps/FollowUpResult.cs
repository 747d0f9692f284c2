namespace Scheduler.Core.FollowUps;

/// <summary>What one try of a follow-up came to: done, or failed with the reason (tried again later, up to a bound).</summary>
public sealed record FollowUpResult(bool Done, string? Error = null)
{
    public static readonly FollowUpResult Ok = new(true);

    public static FollowUpResult Failed(string error) => new(false, error);
}
