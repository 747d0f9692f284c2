using System.Net.Http.Json;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduler.Testing;

namespace Scheduler.EndToEnd;

/// <summary>The whole system for end-to-end tests: a real Azurite, a real HTTP sink and the real Server process with a fast
/// sweep (1 s tick), loopback webhooks and command targets allowed, one API key and one known secret name. Shared by a test collection; tests use their own job ids.</summary>
public sealed class SchedulerHost : IAsyncLifetime
{
    public const string ApiKey = "e2e-test-key-0123456789";
    /// <summary>The name of a secret the Server knows (configuration <c>Scheduler:Secrets:e2e-ssh-key</c>), for connection profiles.</summary>
    public const string SecretName = "e2e-ssh-key";
    private readonly AzuriteFixture _azurite = new();
    private ServerProcess? _server;
    private HttpSink? _sink;

    public Uri BaseUrl => _server?.BaseUrl ?? throw new InvalidOperationException("Not started.");
    public HttpSink Sink => _sink ?? throw new InvalidOperationException("Not started.");
    public HttpClient Api { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public string ServerOutput => _server?.Output ?? "";
    /// <summary>The Server's storage (its tables' prefix), for tests that seed or read storage directly.</summary>
    public Scheduler.Storage.StorageOptions Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync().ConfigureAwait(false);
        _sink = await HttpSink.StartAsync().ConfigureAwait(false);
        var storage = _azurite.NewOptions();
        Storage = storage;
        _server = await ServerProcess.StartAsync(ServerProcess.ServerDll(typeof(SchedulerHost).Assembly), new Dictionary<string, string>
        {
            ["Scheduler:Storage:ConnectionString"] = storage.ConnectionString!,
            ["Scheduler:Storage:TablePrefix"] = storage.TablePrefix,
            ["Scheduler:Storage:RunsQueue"] = storage.RunsQueue,
            ["Scheduler:Api:Keys:0"] = ApiKey,
            ["Scheduler:Targets:Http:AllowLoopback"] = "true",
            ["Scheduler:Targets:Command:Enabled"] = "true",
            [$"Scheduler:Secrets:{SecretName}"] = "not-a-real-key",
            ["Scheduler:Sweep:Tick"] = "00:00:01",
            ["Scheduler:Sweep:Lookahead"] = "00:00:02",
            ["Scheduler:Worker:IdlePollInterval"] = "00:00:00.100",
            ["Scheduler:Stats:FlushInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        }).ConfigureAwait(false);
        Api.BaseAddress = BaseUrl;
        Api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        if (_sink is not null)
        {
            await _sink.DisposeAsync().ConfigureAwait(false);
        }

        await _azurite.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Creates an HTTP job through the API (for tests whose subject is not job creation).</summary>
    public async Task<JsonNode> CreateJobAsync(string id, string sinkPath, JsonObject schedule, int maxAttempts = 1, string lane = "default", string? name = null, params string[] tags)
    {
        var job = new JsonObject
        {
            ["id"] = id,
            ["target"] = new JsonObject { ["type"] = "http", ["method"] = "POST", ["url"] = Sink.Url(sinkPath).ToString() },
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

    public async Task<JsonNode?> GetAsync(string path)
    {
        using var response = await Api.GetAsync(path).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>Polls until <paramref name="condition"/> holds, or fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, Func<T?, bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        T? last = default;
        while (clock.Elapsed < timeout)
        {
            last = await probe().ConfigureAwait(false);
            if (condition(last))
            {
                return last!;
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {(last is null ? "null" : JsonSerializer.Serialize(last))}");
    }
}
