using Scheduler.Core.Connections;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Ssh;

/// <summary>Against a real sshd on loopback, started by <see cref="SshServerFixture"/>.</summary>
[Collection(SshServerGroup.Name)]
public sealed class SshTargetExecutorTests : IDisposable
{
    private readonly SshServerFixture server;
    private readonly TargetHost host;

    public SshTargetExecutorTests(SshServerFixture server)
    {
        this.server = server;
        var connections = new InMemoryConnectionStore().Add(new ConnectionProfile
        {
            Name = "test-box",
            Host = "127.0.0.1",
            Port = server.Port,
            User = SshServerFixture.User,
            SecretRef = "ssh-key",
            HostKeyFingerprint = server.HostKeyFingerprint,
        });
        host = new TargetHost(
            new Dictionary<string, string?> { ["Scheduler:Secrets:ssh-key"] = server.UserPrivateKey, ["Scheduler:Secrets:ssh-password"] = server.Password },
            connections: connections);
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task ExecuteAsync_KeyAuth_RunsCommandsInOrderWithPerCommandResults()
    {
        var result = await Execute(Inline("ssh-key", ["echo hello", "echo out; echo err >&2", "whoami"]));

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        Assert.Equal(["echo hello", "echo out; echo err >&2", "whoami"], result.Commands.Select(c => c.Command));
        Assert.All(result.Commands, c => Assert.Equal(0, c.ExitCode));
        Assert.Equal("hello\n", result.Commands[0].Stdout);
        Assert.Equal("out\n", result.Commands[1].Stdout);
        Assert.Equal("err\n", result.Commands[1].Stderr);
        Assert.Equal(SshServerFixture.User + "\n", result.Commands[2].Stdout);
        Assert.Contains("key auth", Assert.Single(result.Log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_PasswordAuth_Succeeds()
    {
        var result = await Execute(Inline("ssh-password", ["whoami"]));

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        Assert.Equal(SshServerFixture.User + "\n", Assert.Single(result.Commands).Stdout);
        Assert.Contains("password auth", Assert.Single(result.Log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ConnectionProfile_UsesItsEndpointAndSecret()
    {
        var result = await Execute(new SshTargetSpec { Connection = "test-box", Commands = ["echo via-profile"] });

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        Assert.Equal("via-profile\n", Assert.Single(result.Commands).Stdout);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task ExecuteAsync_PinnedFingerprintInAnyNotation_IsTrusted(bool withoutPrefix, bool withPadding)
    {
        var pin = server.HostKeyFingerprint;
        pin = withoutPrefix ? pin["SHA256:".Length..] : pin;
        pin = withPadding ? pin + "=" : pin;

        var result = await Execute(Inline("ssh-key", ["true"]) with { HostKeyFingerprint = pin });

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task ExecuteAsync_CommandFailsMidList_StopsThere()
    {
        var result = await Execute(Inline("ssh-key", ["echo one", "echo bad >&2; exit 3", "echo three"]));

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.True(result.Retryable);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal([0, 3], result.Commands.Select(c => c.ExitCode ?? -1));
        Assert.Equal("bad\n", result.Commands[1].Stderr);
        Assert.StartsWith("command 2 of 3 failed with exit status 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CommandFailsWithContinueOnError_RunsTheRestAndStillFails()
    {
        var result = await Execute(Inline("ssh-key", ["echo one", "exit 3", "echo three"]) with { ContinueOnError = true });

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.Equal([0, 3, 0], result.Commands.Select(c => c.ExitCode ?? -1));
        Assert.Equal("three\n", result.Commands[2].Stdout);
    }

    [Fact]
    public async Task ExecuteAsync_CommandTimeout_TimesOutRetryable()
    {
        var result = await Execute(Inline("ssh-key", ["sleep 30", "echo never"]) with { CommandTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(AttemptStatus.TimedOut, result.Status);
        Assert.True(result.Retryable);
        Assert.Contains("timed out", Assert.Single(result.Commands).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancelsWhileCommandRuns_EndsTheRemoteCommandWithinASecond()
    {
        // In /tmp, where the SSH user (not the test's user) may write.
        var pidFile = Path.Combine("/tmp", $"scheduler-ssh-cancel-{Guid.NewGuid():N}.pid");
        using var cancel = new CancellationTokenSource();
        var attempt = host.Executor("ssh").ExecuteAsync(Invocations.For(Inline("ssh-key", [$"echo $$ > {pidFile}; exec sleep 600"])), cancel.Token);
        var pid = await ProcessProbe.ReadPidFileAsync(pidFile, TimeSpan.FromSeconds(30));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attempt.WaitAsync(TimeSpan.FromSeconds(10)));
        var ended = clock.Elapsed;
        var remoteEnded = await ProcessProbe.WaitForExitAsync(pid, TimeSpan.FromSeconds(5));
        File.Delete(pidFile);

        Assert.True(ended < TimeSpan.FromSeconds(2), $"the attempt ended {ended.TotalSeconds:0.0} s after the cancel");
        Assert.True(remoteEnded, $"the remote command (pid {pid}, sleep 600) still runs after the cancel");
    }

    private SshTargetSpec Inline(string secretRef, IReadOnlyList<string> commands) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        User = SshServerFixture.User,
        SecretRef = secretRef,
        HostKeyFingerprint = server.HostKeyFingerprint,
        Commands = commands,
    };

    private Task<AttemptResult> Execute(SshTargetSpec spec) => host.Executor("ssh").ExecuteAsync(Invocations.For(spec), CancellationToken.None);
}
