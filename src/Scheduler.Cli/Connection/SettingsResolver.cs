namespace Scheduler.Cli.Connection;

/// <summary>Resolves the server URL and API key: flags first, then <c>SCHEDULER_URL</c> / <c>SCHEDULER_API_KEY</c>, then the config file.</summary>
public sealed class SettingsResolver(Func<string, string?> environment)
{
    public ServerSettings Resolve(string? serverFlag, string? apiKeyFlag)
    {
        var file = new Lazy<ConfigFile?>(() => ConfigFile.Load(ConfigFile.DefaultPath(environment)));
        var (server, source) = Pick(
            (serverFlag, "--server"),
            (environment("SCHEDULER_URL"), "SCHEDULER_URL"),
            (file.Value?.Server, ConfigFile.DefaultPath(environment)));
        if (server is null)
        {
            throw new UsageException(
                $"No server URL: pass --server, set SCHEDULER_URL, or write {{\"server\": \"http://...\"}} to {ConfigFile.DefaultPath(environment)}.");
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"The server URL '{server}' (from {source}) is not an absolute http or https URL.");
        }

        var (apiKey, _) = Pick(
            (apiKeyFlag, "--api-key"),
            (environment("SCHEDULER_API_KEY"), "SCHEDULER_API_KEY"),
            (file.Value?.ApiKey, "config file"));
        return new ServerSettings(uri, apiKey, source);
    }

    private static (string? Value, string Source) Pick(params (string? Value, string Source)[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate.Value))
            {
                return (candidate.Value.Trim(), candidate.Source);
            }
        }

        return (null, "");
    }
}
