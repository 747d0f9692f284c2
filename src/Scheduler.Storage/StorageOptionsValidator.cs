using Microsoft.Extensions.Options;

namespace Scheduler.Storage;

/// <summary>Checks <see cref="StorageOptions"/> when the host starts: every failure, each naming its setting and what to set.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Section = StorageOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ValidateOptionsResultBuilder();
        var hasUris = options.TableServiceUri is not null || options.QueueServiceUri is not null;
        if (string.IsNullOrWhiteSpace(options.ConnectionString) == !hasUris || (hasUris && (options.TableServiceUri is null || options.QueueServiceUri is null)))
        {
            errors.AddError($"Set either {Section}:ConnectionString or both {Section}:TableServiceUri and {Section}:QueueServiceUri (not both ways).");
        }

        if (!StorageOptions.TablePrefixPattern().IsMatch(options.TablePrefix))
        {
            errors.AddError($"{Section}:TablePrefix is '{options.TablePrefix}'; leave it empty or set 1-40 letters and digits starting with a letter.");
        }

        if (options.RunsQueue.Length > 56 || !StorageOptions.QueueNamePattern().IsMatch(options.RunsQueue) || options.RunsQueue.Contains("--", StringComparison.Ordinal))
        {
            errors.AddError($"{Section}:RunsQueue is '{options.RunsQueue}'; set 3-56 lowercase letters, digits or single hyphens, starting and ending with a letter or digit.");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            errors.AddError($"{Section}:MaxRetries is {options.MaxRetries}; set it from 0 to 20.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            errors.AddError($"{Section}:RetryDelay is {options.RetryDelay}; set it above zero and not above {Section}:MaxRetryDelay ({options.MaxRetryDelay}).");
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            errors.AddError($"{Section}:NetworkTimeout is {options.NetworkTimeout}; set it above zero (the default is 00:00:30).");
        }

        return errors.Build();
    }
}
