using System.Globalization;

namespace Scheduler.Targets.Tests.Support;

/// <summary>Asks /proc whether a pid is a live process (a zombie is dead: it only waits to be reaped).</summary>
public static class ProcessProbe
{
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>Waits (polling, bounded) until the pid has died; false when it is still alive at the end.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan within)
    {
        var until = DateTimeOffset.UtcNow + within;
        while (IsRunning(pid))
        {
            if (DateTimeOffset.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>Waits (polling, bounded) for a file a test program writes, and reads the pid in it.</summary>
    public static async Task<int> ReadPidFileAsync(string path, TimeSpan within)
    {
        var until = DateTimeOffset.UtcNow + within;
        while (true)
        {
            if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"{path} was not written within {within}.");
            }

            await Task.Delay(20);
        }
    }
}
