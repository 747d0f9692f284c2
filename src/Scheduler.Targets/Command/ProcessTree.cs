using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Scheduler.Targets.Command;

/// <summary>Kills a command and everything it started, including grandchildren re-parented away from the tree.</summary>
internal static partial class ProcessTree
{
    private const int SigKill = 9;

    public static void Kill(Process process, bool ownProcessGroup)
    {
        // First the tree, while parent links still lead to every descendant (even ones that left the group)...
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited; its group may still hold orphans.
        }

        // ...then the group, which still holds descendants whose parent exited and that init adopted.
        if (ownProcessGroup && !OperatingSystem.IsWindows())
        {
            _ = SendSignal(-process.Id, SigKill);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
