namespace Scheduler.Api.Auth;

/// <summary>API keys accepted by the hosts (section <c>Scheduler:Api</c>). On the Functions host, function keys guard the
/// endpoints first; keys listed here then give the function key presented its role.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Scheduler:Api";

    /// <summary>Keys with the admin role, named by their index ("key 0"). With none here and none in <see cref="NamedKeys"/>,
    /// the Server refuses every request that needs a key and the Functions host treats every function key as admin.</summary>
    public IList<string> Keys { get; } = [];

    /// <summary>Keys with a name and a role each.</summary>
    public IList<NamedApiKey> NamedKeys { get; } = [];

    /// <summary>True when at least one key is configured, in either list.</summary>
    public bool AnyKey => Keys.Any(k => !string.IsNullOrEmpty(k)) || NamedKeys.Any(k => !string.IsNullOrEmpty(k.Key));
}
