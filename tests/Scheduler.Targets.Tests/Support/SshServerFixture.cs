using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Targets.Tests.Support;

/// <summary>
/// A real OpenSSH server on a free loopback port: throwaway host and user keys from ssh-keygen, a dedicated user with a
/// password, key and password auth. Needs root and /usr/sbin/sshd (scripts/install-test-deps.sh installs it).
/// </summary>
public sealed class SshServerFixture : IAsyncLifetime
{
    public const string User = "schedtest";
    private const string Sshd = "/usr/sbin/sshd";
    private readonly StringBuilder log = new();
    private Process? sshd;
    private DirectoryInfo dir = null!;

    public int Port { get; private set; }

    public string Password { get; } = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public string UserPrivateKey { get; private set; } = "";

    /// <summary>The host key's fingerprint as ssh-keygen -lf prints it: SHA256:base64, unpadded.</summary>
    public string HostKeyFingerprint { get; private set; } = "";

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The SSH tests start OpenSSH's sshd: Linux only.");
        }

        if (!File.Exists(Sshd))
        {
            throw new InvalidOperationException($"{Sshd} is missing: run scripts/install-test-deps.sh (installs openssh-server).");
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("The SSH tests create a user and start sshd: run them as root (as CI does).");
        }

        dir = Directory.CreateTempSubdirectory("scheduler-sshd-");
        // sshd reads authorized_keys as the test user, who must be able to reach it.
        File.SetUnixFileMode(dir.FullName, (UnixFileMode)0b111_101_101);
        var hostKey = Path.Combine(dir.FullName, "host_ed25519");
        var userKey = Path.Combine(dir.FullName, "user_ed25519");
        await Cli.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "scheduler-test-host", "-f", hostKey]);
        await Cli.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "scheduler-test-user", "-f", userKey]);
        UserPrivateKey = await File.ReadAllTextAsync(userKey);
        var authorizedKeys = Path.Combine(dir.FullName, "authorized_keys");
        File.Copy(userKey + ".pub", authorizedKeys);
        File.SetUnixFileMode(authorizedKeys, (UnixFileMode)0b110_100_100);
        HostKeyFingerprint = (await Cli.RunAsync("ssh-keygen", ["-l", "-E", "sha256", "-f", hostKey + ".pub"])).Split(' ')[1];

        await EnsureUserAsync();
        Directory.CreateDirectory("/run/sshd");
        Port = FreePort.Next();
        var config = Path.Combine(dir.FullName, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {hostKey}
            PidFile {dir.FullName}/sshd.pid
            UsePAM no
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            AuthorizedKeysFile {authorizedKeys}
            StrictModes no
            PermitRootLogin no
            AllowUsers {User}
            MaxStartups 50
            LogLevel VERBOSE

            """);
        sshd = Process.Start(new ProcessStartInfo(Sshd, ["-D", "-e", "-f", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        sshd.ErrorDataReceived += (_, e) => Append(e.Data);
        sshd.OutputDataReceived += (_, e) => Append(e.Data);
        sshd.BeginErrorReadLine();
        sshd.BeginOutputReadLine();
        await WaitForBannerAsync();
    }

    public async Task DisposeAsync()
    {
        if (sshd is { HasExited: false })
        {
            sshd.Kill(entireProcessTree: true);
            await sshd.WaitForExitAsync();
        }

        sshd?.Dispose();
        dir?.Delete(recursive: true);
    }

    private static async Task<bool> UserExistsAsync()
    {
        try
        {
            await Cli.RunAsync("id", ["-u", User]);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private async Task EnsureUserAsync()
    {
        if (!await UserExistsAsync())
        {
            await Cli.RunAsync("useradd", ["--create-home", "--shell", "/bin/sh", User]);
        }

        await Cli.RunAsync("chpasswd", [], stdin: $"{User}:{Password}\n");
    }

    private async Task WaitForBannerAsync()
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                var buffer = new byte[64];
                var read = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("SSH-2.0", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (DateTimeOffset.UtcNow < until && sshd is { HasExited: false })
            {
                await Task.Delay(50);
                continue;
            }

            throw new InvalidOperationException($"sshd did not start on port {Port}: {Log}");
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
