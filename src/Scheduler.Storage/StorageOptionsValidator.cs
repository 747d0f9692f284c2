using Microsoft.Extensions.Options;

namespace Scheduler.Storage;

/// <summary>Validates <see cref="StorageOptions"/> when the host starts.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
