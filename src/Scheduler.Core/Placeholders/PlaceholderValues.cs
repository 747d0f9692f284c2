using System.Globalization;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Placeholders;

/// <summary>What each placeholder stands for in one attempt of one run: values come from the run (frozen at dispatch), so every
/// retry sees the same ones but its own attempt number.</summary>
public static class PlaceholderValues
{
    /// <summary>A lookup from a placeholder's name to its value, null for a name that is not a placeholder (left as written).</summary>
    public static Func<string, string?> For(Run run, int attempt)
    {
        ArgumentNullException.ThrowIfNull(run);
        var parent = run.Inputs.Parent;
        return name => name switch
        {
            PlaceholderNames.RunId => run.RunId,
            PlaceholderNames.RunDue => run.DueUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            PlaceholderNames.RunAttempt => attempt.ToString(CultureInfo.InvariantCulture),
            PlaceholderNames.ParentJobId => parent?.JobId ?? "",
            PlaceholderNames.ParentRunId => parent?.RunId ?? "",
            PlaceholderNames.ParentStatus => parent?.Status.ToString() ?? "",
            PlaceholderNames.ParentOutput => parent?.Output ?? "",
            _ when name.StartsWith(PlaceholderNames.ParamsPrefix, StringComparison.Ordinal) =>
                run.Inputs.Parameters.GetValueOrDefault(name[PlaceholderNames.ParamsPrefix.Length..]),
            _ => null,
        };
    }
}
