using Scheduler.Storage;

namespace Scheduler.Testing;

/// <summary>The configuration every Server a test starts runs with, in process (<see cref="SchedulerApp"/>) or as a process
/// (<see cref="ServerProcess"/>): its storage, one API key, one secret, webhooks to loopback allowed (the sink), a 1 s sweep tick and a
/// short worker poll (backing off to 1 s), warnings only in the log. Each host lays its own and the test's settings over these.</summary>
public static class ServerSettings
{
    /// <summary>The one API key a test Server accepts.</summary>
    public const string ApiKey = "test-key-7f3c9a1e5b2d4c6e";

    /// <summary>The name of the one secret a test Server knows (<c>Scheduler:Secrets:ssh-deploy-key</c>), for connection profiles.</summary>
    public const string SecretName = "ssh-deploy-key";

    public static Dictionary<string, string?> For(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Scheduler:Storage:ConnectionString"] = storage.ConnectionString,
            ["Scheduler:Storage:TablePrefix"] = storage.TablePrefix,
            ["Scheduler:Storage:RunsQueue"] = storage.RunsQueue,
            ["Scheduler:Api:Keys:0"] = ApiKey,
            ["Scheduler:Targets:Http:AllowLoopback"] = "true",
            [$"Scheduler:Secrets:{SecretName}"] = "a-test-password",
            ["Scheduler:Sweep:Tick"] = "00:00:01",
            ["Scheduler:Sweep:Lookahead"] = "00:00:02",
            ["Scheduler:Worker:IdlePollInterval"] = "00:00:00.200",
            // Recovery tests bound how soon a message this process did not send (a killed process's) is taken: the idle poll backs off to 1 s, not 5.
            ["Scheduler:Worker:MaxIdlePollInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }
}
