namespace Scheduler.Api.Auth;

/// <summary>API keys accepted by the Server host (section <c>Scheduler:Api</c>); the Functions host uses function keys instead.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Scheduler:Api";

    /// <summary>Any of these keys is accepted. With none, every request that needs a key is refused.</summary>
    public IList<string> Keys { get; } = [];
}
