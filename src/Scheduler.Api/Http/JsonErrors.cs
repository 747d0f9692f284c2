using System.Text.Json;
using System.Text.RegularExpressions;
using Scheduler.Core.Jobs;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Http;

/// <summary>Turns a deserialization failure into field errors keyed like the validator's (e.g. <c>schedule.cron</c>),
/// with messages that name JSON types rather than .NET ones.</summary>
internal static partial class JsonErrors
{
    private static readonly Type[] Enums = typeof(JobStatus).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToArray();

    [GeneratedRegex(@"Path: (\$[^ ]*)", RegexOptions.CultureInvariant)]
    private static partial Regex PathInMessage();

    [GeneratedRegex("'([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    public static ValidationErrors From(JsonException exception)
    {
        var errors = new ValidationErrors();
        var path = exception.Path ?? "$";
        var message = exception.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            errors.Add(Field(path), $"Unknown field '{Leaf(path)}'. Field names are camelCase; check the spelling.");
        }
        else if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = Quoted().Matches(message[message.IndexOf("including", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value);
            foreach (var name in names)
            {
                errors.Add(Join(Field(path), name), $"'{name}' is required.");
            }
        }
        else if (message.Contains("unrecognized type discriminator", StringComparison.Ordinal))
        {
            var id = Quoted().Match(message) is { Success: true } m ? m.Groups[1].Value : "";
            errors.Add(Join(Field(path), "type"), $"Unknown type '{id}'; use http, queue, command or ssh.");
        }
        else if (message.Contains("allow setting null", StringComparison.Ordinal) || message.Contains("allow null", StringComparison.Ordinal))
        {
            errors.Add(Field(path), $"'{Leaf(path)}' can not be null: give a value, or leave the field out to take its default.");
        }
        else if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            errors.Add(Field(path), $"The value is not valid here: expected {Expected(message)}.");
        }
        else if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Field(path), "This field appears more than once.");
        }
        else
        {
            errors.Add(Field(path), "Malformed JSON: " + WithoutPosition(message));
        }

        return errors;
    }

    /// <summary>Polymorphic values without a discriminator surface as NotSupportedException.</summary>
    public static ValidationErrors From(NotSupportedException exception)
    {
        var errors = new ValidationErrors();
        var path = PathInMessage().Match(exception.Message) is { Success: true } m ? m.Groups[1].Value : "$";
        if (exception.Message.Contains("type discriminator", StringComparison.Ordinal))
        {
            errors.Add(Join(Field(path), "type"), "A 'type' is required: http, queue, command or ssh, as the first member of the object.");
        }
        else
        {
            errors.Add(Field(path), "This value cannot be read.");
        }

        return errors;
    }

    /// <summary><c>$.schedule.cron</c> becomes <c>schedule.cron</c>; the root is the empty field.</summary>
    public static string Field(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message;
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut >= 0 ? text[..cut] : text;
    }

    private static string Expected(string message)
    {
        var target = message[(message.IndexOf("converted to", StringComparison.Ordinal) + 12)..];
        if (Enums.FirstOrDefault(e => target.Contains(e.FullName!, StringComparison.Ordinal)) is { } type)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        // Collections first: their names contain their element types.
        return target switch
        {
            _ when target.Contains("Dictionary", StringComparison.Ordinal) => "an object of names to values",
            _ when target.Contains("List", StringComparison.Ordinal) || target.Contains("[]", StringComparison.Ordinal) => "an array",
            _ when target.Contains("System.TimeSpan", StringComparison.Ordinal) => "a duration string \"[d.]hh:mm:ss\" such as \"00:00:30\"",
            _ when target.Contains("System.DateTimeOffset", StringComparison.Ordinal) => "an ISO 8601 date-time string such as \"2030-01-01T09:00:00Z\"",
            _ when target.Contains("System.Int", StringComparison.Ordinal) => "an integer",
            _ when target.Contains("System.Double", StringComparison.Ordinal) => "a number",
            _ when target.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
            _ when target.Contains("System.String", StringComparison.Ordinal) => "a string",
            _ => "a value of another type (an object where an object belongs, an array where an array belongs)",
        };
    }
}
