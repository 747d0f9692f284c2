using System.Globalization;

namespace Scheduler.Testing;

/// <summary>How <see cref="ScriptedSink"/> answers a path, read from its first segment, the rest being the caller's (a job
/// id): <c>ok</c> 200 (also the answer to any other first segment); <c>fail</c> 500; <c>status/{code}</c> that code;
/// <c>flaky/{n}</c> 500 for the first n requests to the path, then 200; <c>hold</c> once the sink is released;
/// <c>slow/{ms}</c> answers after that delay as the rest of the path says: <c>slow/4000/fail/job-1</c> is a 500 after 4 s.</summary>
internal sealed record SinkScript(int Status, TimeSpan Delay, bool Hold)
{
    /// <param name="timesSeen">How many requests to this path the sink has received, this one included.</param>
    public static SinkScript For(string path, int timesSeen)
    {
        var parts = path.Trim('/').Split('/');
        var delay = TimeSpan.Zero;
        var first = 0;
        if (parts[0] == "slow")
        {
            delay = TimeSpan.FromMilliseconds(Number(parts, 1));
            first = 2;
        }

        var script = new SinkScript(200, delay, false);
        return (first < parts.Length ? parts[first] : "") switch
        {
            "fail" => script with { Status = 500 },
            "status" => script with { Status = Number(parts, first + 1) },
            "flaky" => timesSeen <= Number(parts, first + 1) ? script with { Status = 500 } : script,
            "hold" => script with { Hold = true },
            _ => script,
        };
    }

    private static int Number(string[] parts, int index) =>
        index < parts.Length && int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"The sink path '{string.Join('/', parts)}' needs a number after '{parts[index - 1]}'.", nameof(parts));
}
