using System.Diagnostics;
using System.Globalization;

namespace Scheduler.Testing;

/// <summary>Sends a POSIX signal (KILL, TERM, STOP, CONT) to one process by its id.</summary>
public static class Signals
{
    public static async Task SendAsync(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} failed ({kill.ExitCode}).");
        }
    }
}
