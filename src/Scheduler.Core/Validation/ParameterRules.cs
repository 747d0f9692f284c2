using System.Text.RegularExpressions;
using Scheduler.Core.Jobs;
using Scheduler.Core.Serialization;

namespace Scheduler.Core.Validation;

/// <summary>Parameters: the job's declarations, and the values a trigger passes. Both are bounded so that a run's values fit its
/// due row and its run row (one table string property of 32K characters, shared with the parent run).</summary>
public static partial class ParameterRules
{
    public const string NameRule = "A parameter name has 1-64 letters, digits, '_' or '-', starting with a letter or '_'.";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>A job's declared parameters.</summary>
    public static void Check(IReadOnlyList<JobParameter>? parameters, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var declared = parameters ?? [];
        errors.Require(declared.Count <= Limits.MaxParameters, "parameters", "At most 20 parameters.");
        for (var i = 0; i < declared.Count; i++)
        {
            var field = $"parameters[{i}]";
            if (declared[i] is not { } parameter)
            {
                errors.Add(field, "A parameter is an object with a name and an optional default.");
                continue;
            }

            errors.Require(IsValidName(parameter.Name), $"{field}.name", NameRule);
            errors.Require(declared.Take(i).All(p => p?.Name != parameter.Name), $"{field}.name", $"The parameter '{parameter.Name}' is declared twice.");
            errors.Require(parameter.Default is null || parameter.Default.Length <= Limits.MaxParameterValueLength, $"{field}.default", "A default is at most 1024 characters.");
            errors.Require(parameter.Description is null || parameter.Description.Length <= Limits.MaxNameLength, $"{field}.description", "A description is at most 200 characters.");
        }

        CheckStoredSize(declared.Where(p => p is not null).DistinctBy(p => p.Name).ToDictionary(p => p.Name ?? "", p => p.Default ?? "", StringComparer.Ordinal), "parameters", errors);
    }

    /// <summary>Values a trigger passes for a job with <paramref name="declared"/> parameters: each must be declared and bounded.</summary>
    public static void CheckValues(IReadOnlyDictionary<string, string> values, IReadOnlyList<JobParameter> declared, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (name, value) in values)
        {
            var field = $"parameters.{name}";
            if (!declared.Any(p => p.Name == name))
            {
                var names = declared.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", declared.Select(p => p.Name));
                errors.Add(field, $"The job has no parameter '{name}' ({names}); declare it in the job's 'parameters' first.");
                continue;
            }

            errors.Require(value.Length <= Limits.MaxParameterValueLength, field, "A value is at most 1024 characters.");
        }

        CheckStoredSize(values, "parameters", errors);
    }

    private static void CheckStoredSize(IReadOnlyDictionary<string, string> values, string field, ValidationErrors errors) =>
        errors.Require(SchedulerJson.Serialize(values).Length <= Limits.MaxParametersJsonChars, field,
            "The parameter values are at most 16,384 characters of JSON together (a character outside ASCII counts 6).");
}
