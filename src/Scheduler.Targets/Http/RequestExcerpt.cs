using Scheduler.Core.Targets;

namespace Scheduler.Targets.Http;

/// <summary>What an attempt record keeps of a request: the method, the URL with every query value masked, each header with its
/// value masked, and the head of the body. A value shows only when the target names it in <see cref="HttpTargetSpec.VisibleInExcerpts"/>;
/// secrets and tokens never do (validation refuses such names there, and they are masked here regardless).</summary>
internal static class RequestExcerpt
{
    public const string Mask = "***";

    public static string For(HttpTargetSpec spec)
    {
        var visible = new HashSet<string>(spec.VisibleInExcerpts ?? [], StringComparer.OrdinalIgnoreCase);
        var secretQuery = spec.SecretQuery ?? new Dictionary<string, string>();
        var lines = new List<string> { $"{spec.Method} {MaskUrl(spec.Url, visible, secretQuery.Keys)}" };
        lines.AddRange((spec.Headers ?? new Dictionary<string, string>()).Select(h => $"{h.Key}: {(visible.Contains(h.Key) ? h.Value : Mask)}"));
        lines.AddRange((spec.SecretHeaders ?? new Dictionary<string, string>()).Keys.Select(name => $"{name}: {Mask}"));
        if (spec.Auth is not null)
        {
            lines.Add($"Authorization: Bearer {Mask}");
        }

        var head = string.Join('\n', lines);
        return spec.Body is null ? head : $"{head}\n\n{Excerpts.Head(spec.Body, Excerpts.RequestBodyChars)}";
    }

    /// <summary>The URL with its query values masked (also used for a redirect's Location in an error).</summary>
    public static string MaskUrl(string url, IReadOnlySet<string>? visible = null, IEnumerable<string>? extraNames = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var question = url.IndexOf('?', StringComparison.Ordinal);
            return question < 0 ? url : $"{url[..question]}?{Mask}";
        }

        var pairs = QueryParameters.Parse(uri.Query)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={(visible?.Contains(p.Name) == true ? Uri.EscapeDataString(p.Value) : Mask)}")
            .Concat((extraNames ?? []).Select(name => $"{Uri.EscapeDataString(name)}={Mask}"))
            .ToList();
        var bare = uri.GetLeftPart(UriPartial.Path);
        return pairs.Count == 0 ? bare : $"{bare}?{string.Join('&', pairs)}";
    }
}
