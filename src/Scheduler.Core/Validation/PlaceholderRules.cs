using Scheduler.Core.Jobs;
using Scheduler.Core.Placeholders;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Validation;

/// <summary>Every placeholder a target uses is known (<see cref="PlaceholderNames"/>), and sits where it can be resolved safely:
/// in a URL, only after the host (a value never chooses where a request goes); never in a command's program.</summary>
public static class PlaceholderRules
{
    public static void Check(JobDefinition job, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(errors);
        if (job.Target is not { } target)
        {
            return;
        }

        var declared = (job.Parameters ?? []).Where(p => p is not null).ToList();
        foreach (var location in TargetPlaceholders.Locations(target))
        {
            foreach (var (name, _) in PlaceholderSyntax.Find(location.Text).Where(p => !PlaceholderNames.IsKnown(p.Name, declared)))
            {
                errors.Add(location.Field, $"Unknown placeholder '{{{{{name}}}}}'. {PlaceholderNames.Known}");
            }
        }

        if (target is HttpTargetSpec { Url: { } url } && FirstIndex(url) is { } at && at < PathStart(url))
        {
            errors.Add("target.url", "A placeholder may stand only in the URL's path or query, after the host.");
        }

        if (target is CommandTargetSpec { Program: { } program } && PlaceholderSyntax.HasAny(program))
        {
            errors.Add("target.program", "Placeholders are not resolved in the program: pass values in 'args', where each stays one argument.");
        }
    }

    private static int? FirstIndex(string text) => PlaceholderSyntax.Find(text).Select(p => (int?)p.Index).FirstOrDefault();

    /// <summary>Where the path starts: the first '/' after "scheme://", or the end.</summary>
    private static int PathStart(string url)
    {
        var authority = url.IndexOf("://", StringComparison.Ordinal);
        var from = authority < 0 ? 0 : authority + 3;
        var slash = url.IndexOfAny(['/', '?', '#'], from);
        return slash < 0 ? url.Length : slash;
    }
}
