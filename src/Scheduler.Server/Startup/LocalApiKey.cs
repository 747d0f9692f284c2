using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Scheduler.Api.Auth;

namespace Scheduler.Server.Startup;

/// <summary>When no API key is configured, generates one once and keeps it in the repository's <c>.data/</c> folder
/// (or <c>Scheduler:DataPath</c>), so a local run always has a key and prints it. The options can be built more than once
/// (validation at start builds them too): the key is decided at the first build and reused by the others.</summary>
public sealed class LocalApiKey(IHostEnvironment environment, IConfiguration configuration) : IPostConfigureOptions<ApiKeyOptions>
{
    public const string FileName = "api-key";
    private readonly Lock gate = new();
    private string? key;

    /// <summary>Where the generated key is kept, when one was needed.</summary>
    public string? GeneratedPath { get; private set; }

    /// <summary>True when the key in <see cref="GeneratedPath"/> was read from an earlier run rather than generated now.</summary>
    public bool Reused { get; private set; }

    public void PostConfigure(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AnyKey)
        {
            return;
        }

        lock (gate)
        {
            if (key is null)
            {
                var path = Path.Combine(DataFolder(), FileName);
                (key, Reused) = LoadOrCreate(path);
                GeneratedPath = path;
            }

            options.Keys.Add(key);
        }
    }

    private string DataFolder()
    {
        if (configuration["Scheduler:DataPath"] is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scheduler.sln")))
            {
                return Path.Combine(dir.FullName, ".data");
            }
        }

        return Path.Combine(environment.ContentRootPath, ".data");
    }

    private static (string Key, bool Reused) LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } existing)
        {
            return (existing, true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var generated = "sk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, fileOptions))
        {
            writer.Write(generated);
        }

        return (generated, false);
    }
}
