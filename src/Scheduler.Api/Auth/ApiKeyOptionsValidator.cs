using Microsoft.Extensions.Options;

namespace Scheduler.Api.Auth;

/// <summary>Checks <see cref="ApiKeyOptions"/> when the host starts. A message names the key by its index, never by its value.</summary>
internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var setting = $"{ApiKeyOptions.SectionName}:{nameof(ApiKeyOptions.Keys)}:{i}";
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.AddError($"{setting} is blank; set a key there or remove the entry.");
            }
            else if (key.Trim().Length != key.Length)
            {
                // A key sent as 'Authorization: Bearer' arrives trimmed, so a key with spaces around it would never match.
                errors.AddError($"{setting} has spaces around it; set it without them.");
            }
        }

        return errors.Build();
    }
}
