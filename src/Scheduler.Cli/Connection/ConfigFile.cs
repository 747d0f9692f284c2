using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduler.Cli.Connection;

/// <summary>The optional <c>~/.config/scheduler/config.json</c>: <c>{ "server": "http://...", "apiKey": "..." }</c>.</summary>
public sealed record ConfigFile
{
    public string? Server { get; init; }
    public string? ApiKey { get; init; }

    /// <summary><c>$SCHEDULER_CONFIG</c>, else <c>$XDG_CONFIG_HOME/scheduler/config.json</c>, else <c>~/.config/scheduler/config.json</c>.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        if (environment("SCHEDULER_CONFIG") is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }

        var configHome = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(configHome, "scheduler", "config.json");
    }

    /// <summary>Reads the file; null when it does not exist. A malformed file is a usage error.</summary>
    public static ConfigFile? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ConfigFileJson.Default.ConfigFile);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"The config file {path} is not valid JSON: {ex.Message}");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConfigFile))]
internal sealed partial class ConfigFileJson : JsonSerializerContext;
