using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Ssh;

/// <summary>Attempts that never reach the commands: host key, credentials, unreachable or silent servers, unknown profiles.</summary>
[Collection(SshServerGroup.Name)]
public sealed class SshConnectFailureTests : IDisposable
{
    private readonly SshServerFixture server;
    private readonly TargetHost host;

    public SshConnectFailureTests(SshServerFixture server)
    {
        this.server = server;
        host = new TargetHost(new Dictionary<string, string?> { ["Scheduler:Secrets:ssh-key"] = server.UserPrivateKey });
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task ExecuteAsync_WrongPinnedHostKey_FailsNonRetryableWithBothFingerprints()
    {
        var wrong = "SHA256:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');

        var result = await Execute(Inline("ssh-key", ["echo never"]) with { HostKeyFingerprint = wrong });

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.False(result.Retryable);
        Assert.Contains("does not match the pinned fingerprint", result.Error, StringComparison.Ordinal);
        Assert.Contains(server.HostKeyFingerprint, result.Error, StringComparison.Ordinal);
        Assert.Contains(wrong, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Commands);
    }

    [Fact]
    public async Task ExecuteAsync_WrongPassword_FailsNonRetryable()
    {
        using var wrong = new TargetHost(new Dictionary<string, string?> { ["Scheduler:Secrets:bad"] = "not-the-password" });

        var result = await wrong.Executor("ssh").ExecuteAsync(Invocations.For(Inline("bad", ["true"])), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.False(result.Retryable);
        Assert.Contains("authentication", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ClosedPort_FailsRetryable()
    {
        var result = await Execute(Inline("ssh-key", ["true"]) with { Port = FreePort.Next(), ConnectTimeout = TimeSpan.FromSeconds(3) });

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.True(result.Retryable);
        Assert.Contains("could not connect", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ServerSilentPastConnectTimeout_FailsRetryable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var result = await Execute(Inline("ssh-key", ["true"]) with { Port = port, ConnectTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.True(result.Retryable);
        Assert.Contains("could not connect", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_MissingProfile_FailsNonRetryable()
    {
        var result = await Execute(new SshTargetSpec { Connection = "nowhere", Commands = ["true"] });

        Assert.False(result.Retryable);
        Assert.Equal("connection profile 'nowhere' does not exist", result.Error);
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
