using Microsoft.Extensions.Options;

namespace Scheduler.Api.Auth;

/// <summary>Checks <see cref="ApiKeyOptions"/> when the host starts. A message names the key by its setting, never by its value.</summary>
internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            CheckKey(errors, seen, $"{ApiKeyOptions.SectionName}:{nameof(ApiKeyOptions.Keys)}:{i}", options.Keys[i]);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.NamedKeys.Count; i++)
        {
            var entry = options.NamedKeys[i];
            var setting = $"{ApiKeyOptions.SectionName}:{nameof(ApiKeyOptions.NamedKeys)}:{i}";
            CheckKey(errors, seen, $"{setting}:{nameof(NamedApiKey.Key)}", entry.Key);
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.AddError($"{setting}:{nameof(NamedApiKey.Name)} is blank; set a name (it is what refusals and logs show instead of the key).");
            }
            else if (!names.Add(entry.Name))
            {
                errors.AddError($"{setting}:{nameof(NamedApiKey.Name)} is {entry.Name}, a name an earlier key has; set a name of its own.");
            }

            if (!Enum.IsDefined(entry.Role))
            {
                errors.AddError($"{setting}:{nameof(NamedApiKey.Role)} is {(int)entry.Role}; set Reader, Operator or Admin.");
            }
        }

        return errors.Build();
    }

    private static void CheckKey(ValidateOptionsResultBuilder errors, Dictionary<string, string> seen, string setting, string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.AddError($"{setting} is blank; set a key there or remove the entry.");
        }
        else if (key.Trim().Length != key.Length)
        {
            // A key sent as 'Authorization: Bearer' arrives trimmed, so a key with spaces around it would never match.
            errors.AddError($"{setting} has spaces around it; set it without them.");
        }
        else if (!seen.TryAdd(key, setting))
        {
            // One key with two roles would make its role depend on the order of the lists.
            errors.AddError($"{setting} is the same key as {seen[key]}; give each key its own value.");
        }
    }
}
