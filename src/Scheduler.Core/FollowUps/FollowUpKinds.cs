namespace Scheduler.Core.FollowUps;

/// <summary>The kinds of follow-up, each carried out by the <see cref="Ports.IFollowUpHandler"/> of that kind.</summary>
public static class FollowUpKinds
{
    /// <summary>A run-end notification POSTed to a URL (a job's <c>notify</c> rules).</summary>
    public const string Notify = "notify";

    /// <summary>A run's job alerts (its job's <c>alerts</c> rules, or the configured defaults), decided and delivered by the alert handler.</summary>
    public const string Alert = "alert";

    /// <summary>A run of a child job (one that names the run's job in its <c>after</c> list) to start.</summary>
    public const string Child = "child";
}
