using System.Text.RegularExpressions;

namespace Scheduler.Core.Validation;

/// <summary>Ids become Table keys: a safe alphabet that excludes <c>/ \ # ?</c>, control characters and <c>:</c> (the run id separator).</summary>
public static partial class Identifiers
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static bool IsValidTag(string? tag) => tag is not null && TagPattern().IsMatch(tag);

    public const string IdRule = "Use 1-128 characters: letters, digits, '.', '_' or '-', starting with a letter or digit.";
}
