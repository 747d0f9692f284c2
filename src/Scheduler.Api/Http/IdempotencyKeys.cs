namespace Scheduler.Api.Http;

/// <summary>What an <c>Idempotency-Key</c> header may hold.</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 255;
    public const string Rule = "An Idempotency-Key is 1-255 visible ASCII characters (a UUID is a good choice).";

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => c is > ' ' and <= '~');
}
