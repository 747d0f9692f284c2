using System.Globalization;

namespace Scheduler.Testing;

/// <summary>How <see cref="ScriptedSink"/> answers a path, read from its leading segments until the first that is not an
/// instruction: <c>ok</c> 200 (the default); <c>fail</c> 500; <c>status/{code}</c> that code; <c>flaky/{n}</c> 500 for the
/// first n requests to the path, then 200; <c>slow/{ms}</c> answers after that delay; <c>hold</c> answers once the sink is
/// released. They combine: <c>slow/4000/fail/job-1</c> answers 500 after 4 s.</summary>
internal sealed record SinkScript(int Status, TimeSpan Delay, bool Hold)
{
    /// <param name="timesSeen">How many requests to this path the sink has received, this one included.</param>
    public static SinkScript For(string path, int timesSeen)
    {
        var script = new SinkScript(200, TimeSpan.Zero, false);
        var parts = path.Trim('/').Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            switch (parts[i])
            {
                case "ok":
                    break;
                case "fail":
                    script = script with { Status = 500 };
                    break;
                case "status":
                    script = script with { Status = Number(parts, ++i) };
                    break;
                case "flaky":
                    script = timesSeen <= Number(parts, ++i) ? script with { Status = 500 } : script;
                    break;
                case "slow":
                    script = script with { Delay = TimeSpan.FromMilliseconds(Number(parts, ++i)) };
                    break;
                case "hold":
                    script = script with { Hold = true };
                    break;
                default:
                    return script;
            }
        }

        return script;
    }

    private static int Number(string[] parts, int index) =>
        index < parts.Length && int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"The sink path '{string.Join('/', parts)}' needs a number after '{parts[index - 1]}'.", nameof(parts));
}
