namespace Scheduler.Core.Placeholders;

/// <summary>Where a placeholder's value lands, which decides how it is escaped.</summary>
public enum PlaceholderEscaping
{
    /// <summary>Inside a JSON string (an HTTP body, a queue message): quotes, backslashes and control characters escaped.</summary>
    JsonString,
    /// <summary>One URL component (a path segment or a query value): percent-encoded, '/', '?', '&amp;' and '#' included.</summary>
    UrlComponent,
    /// <summary>A header value: control characters (CR, LF...) become spaces, so a value cannot start another header.</summary>
    HeaderValue,
    /// <summary>One element of an argument list passed to a program without a shell: the value as it is.</summary>
    Argument,
    /// <summary>One word of a shell command line (SSH): single-quoted, so the remote shell sees one argument and expands nothing.</summary>
    ShellWord,
}
