using Scheduler.Core.Runs;

namespace Scheduler.Targets.Ssh;

/// <summary>How one remote command ended: its result, and whether it was cut short or broke the session.</summary>
internal sealed record SshCommandRun(CommandResult Result, bool TimedOut, bool Cancelled, bool SessionBroken)
{
    public bool Succeeded => Result.ExitCode == 0 && !TimedOut && !Cancelled && !SessionBroken;
}
