using Scheduler.Core.Targets;

namespace Scheduler.Core.Placeholders;

/// <summary>Which fields of each target kind resolve placeholders, and how: an HTTP target's URL (path and query, as URL
/// components), header values and body (as JSON string content); a queue message (JSON string content); a command's
/// arguments (each stays one argument); SSH commands (each value one single-quoted shell word). Validation and resolution
/// both read <see cref="Locations"/>, so the two cannot disagree.</summary>
public static class TargetPlaceholders
{
    public static IEnumerable<PlaceholderLocation> Locations(TargetSpec target) => target switch
    {
        HttpTargetSpec http =>
        [
            new("target.url", http.Url ?? "", PlaceholderEscaping.UrlComponent),
            .. (http.Headers ?? new Dictionary<string, string>()).Select(h => new PlaceholderLocation($"target.headers.{h.Key}", h.Value ?? "", PlaceholderEscaping.HeaderValue)),
            new("target.body", http.Body ?? "", PlaceholderEscaping.JsonString),
        ],
        QueueTargetSpec queue => [new("target.message", queue.Message ?? "", PlaceholderEscaping.JsonString)],
        CommandTargetSpec command => (command.Args ?? []).Select((a, i) => new PlaceholderLocation($"target.args[{i}]", a ?? "", PlaceholderEscaping.Argument)),
        SshTargetSpec ssh => (ssh.Commands ?? []).Select((c, i) => new PlaceholderLocation($"target.commands[{i}]", c ?? "", PlaceholderEscaping.ShellWord)),
        _ => [],
    };

    /// <summary>The target with every placeholder replaced by its escaped value; the same instance when it holds none.</summary>
    public static TargetSpec Resolve(TargetSpec target, Func<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!Locations(target).Any(l => PlaceholderSyntax.HasAny(l.Text)))
        {
            return target;
        }

        // Each field's escaping is the one its location names.
        var filled = Locations(target).ToDictionary(
            l => l.Field,
            l => PlaceholderSyntax.Replace(l.Text, name => values(name) is { } value ? PlaceholderEscaper.Escape(value, l.Escaping) : null),
            StringComparer.Ordinal);
        return target switch
        {
            HttpTargetSpec http => http with
            {
                Url = filled["target.url"],
                Headers = (http.Headers ?? new Dictionary<string, string>()).ToDictionary(h => h.Key, h => filled[$"target.headers.{h.Key}"], StringComparer.Ordinal),
                Body = http.Body is null ? null : filled["target.body"],
            },
            QueueTargetSpec queue => queue with { Message = filled["target.message"] },
            CommandTargetSpec command => command with { Args = command.Args.Select((_, i) => filled[$"target.args[{i}]"]).ToList() },
            SshTargetSpec ssh => ssh with { Commands = ssh.Commands.Select((_, i) => filled[$"target.commands[{i}]"]).ToList() },
            _ => target,
        };
    }
}
