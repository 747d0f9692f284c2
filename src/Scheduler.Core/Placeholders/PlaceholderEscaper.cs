using System.Text;
using System.Text.Encodings.Web;

namespace Scheduler.Core.Placeholders;

/// <summary>Escapes a value for where it lands (<see cref="PlaceholderEscaping"/>): the one place each kind is decided.</summary>
public static class PlaceholderEscaper
{
    public static string Escape(string value, PlaceholderEscaping escaping)
    {
        ArgumentNullException.ThrowIfNull(value);
        return escaping switch
        {
            PlaceholderEscaping.JsonString => JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value),
            PlaceholderEscaping.UrlComponent => Uri.EscapeDataString(value),
            PlaceholderEscaping.HeaderValue => HeaderValue(value),
            PlaceholderEscaping.Argument => value,
            PlaceholderEscaping.ShellWord => "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'",
            _ => throw new ArgumentOutOfRangeException(nameof(escaping), escaping, "Unknown placeholder escaping."),
        };
    }

    private static string HeaderValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
