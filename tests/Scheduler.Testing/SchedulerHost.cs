using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scheduler.Storage;
using Xunit;

namespace Scheduler.Testing;

/// <summary>The whole system for end-to-end tests (the dashboard in a browser, the CLI): a real Azurite, a real HTTP sink
/// and the real Server process (<see cref="ServerProcess"/>) with command targets allowed and a fast stats flush. Shared by
/// a test collection; tests use their own job ids.</summary>
public sealed class SchedulerHost : IAsyncLifetime
{
    public const string ApiKey = ServerSettings.ApiKey;
    public const string SecretName = ServerSettings.SecretName;
    private readonly AzuriteFixture _azurite = new();
    private ServerProcess? _server;

    public Uri BaseUrl => _server?.BaseAddress ?? throw new InvalidOperationException("Not started.");
    public ScriptedSink Sink { get; } = new();
    public HttpClient Api { get; private set; } = null!;
    public string ServerOutput => _server?.Output ?? "";

    /// <summary>The Server's storage (its tables' prefix), for tests that seed or read storage directly.</summary>
    public StorageOptions Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync().ConfigureAwait(false);
        await Sink.StartAsync().ConfigureAwait(false);
        Storage = _azurite.NewOptions();
        _server = await ServerProcess.StartAsync(Storage, new Dictionary<string, string?>
        {
            ["Scheduler:Targets:Command:Enabled"] = "true",
            ["Scheduler:Worker:IdlePollInterval"] = "00:00:00.100",
            ["Scheduler:Stats:FlushInterval"] = "00:00:01",
        }).ConfigureAwait(false);
        await _server.WaitHealthyAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        Api = _server.Client();
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        await Sink.DisposeAsync().ConfigureAwait(false);
        await _azurite.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Creates an HTTP job to a path of the sink through the API (for tests whose subject is not job creation).</summary>
    public async Task<JsonNode> CreateJobAsync(string id, string sinkPath, JsonObject schedule, int maxAttempts = 1, string lane = "default", string? name = null, params string[] tags)
    {
        var job = new JsonObject
        {
            ["id"] = id,
            ["target"] = new JsonObject { ["type"] = "http", ["method"] = "POST", ["url"] = Sink.Url(sinkPath) },
            ["schedule"] = schedule,
            ["lane"] = lane,
            ["retry"] = new JsonObject { ["maxAttempts"] = maxAttempts, ["firstInterval"] = "00:00:00.200", ["maxInterval"] = "00:00:01" },
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t))]),
        };
        if (name is not null)
        {
            job["name"] = name;
        }

        using var response = await Api.PostAsJsonAsync("api/jobs", job).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating {id} failed: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!;
    }

    /// <summary>A cron schedule every <paramref name="seconds"/> seconds (6-field cron, seconds first).</summary>
    public static JsonObject EverySeconds(int seconds) => new() { ["kind"] = "Cron", ["cron"] = $"*/{seconds} * * * * *" };

    /// <summary>A schedule that will not fire during a test (yearly, next January).</summary>
    public static JsonObject Rarely() => new() { ["kind"] = "Cron", ["cron"] = "0 0 1 1 *", ["timeZone"] = "Europe/Paris" };

    public async Task<JsonNode?> PostAsync(string path, JsonNode? body = null)
    {
        using var content = new StringContent(body?.ToJsonString() ?? "", System.Text.Encoding.UTF8, "application/json");
        using var response = await Api.PostAsync(path, body is null ? null : content).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} failed: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Puts <paramref name="config"/> back as the whole configuration (a test's clean-up), whatever its ETag.</summary>
    public async Task PutConfigAsync(JsonObject config)
    {
        var body = config?.DeepClone().AsObject() ?? throw new ArgumentNullException(nameof(config));
        body.Remove("eTag");
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await Api.PutAsync(new Uri("api/config", UriKind.Relative), content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonNode?> GetAsync(string path)
    {
        using var response = await Api.GetAsync(path).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }
}
