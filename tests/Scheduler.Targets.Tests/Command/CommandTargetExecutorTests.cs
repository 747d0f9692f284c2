using Microsoft.Extensions.Time.Testing;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Command;

public sealed class CommandTargetExecutorTests : IDisposable
{
    private readonly FakeTimeProvider time = new(Invocations.Due);
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("scheduler-command-");
    private readonly TargetHost host;

    public CommandTargetExecutorTests()
    {
        host = new TargetHost(new Dictionary<string, string?> { ["Scheduler:Targets:Command:Enabled"] = "true" }, time);
    }

    public void Dispose()
    {
        host.Dispose();
        work.Delete(recursive: true);
    }

    [Fact]
    public async Task ExecuteAsync_BareProgramOnPath_SucceedsWithOutputAndExitCode()
    {
        var spec = new CommandTargetSpec { Program = "echo", Args = ["hello", "two words"] };

        var result = await Execute(spec);

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        Assert.Equal(0, result.ExitCode);
        var command = Assert.Single(result.Commands);
        Assert.Equal("echo hello 'two words'", command.Command);
        Assert.Equal("hello two words\n", command.Stdout);
        Assert.Null(command.Stderr);
        Assert.Equal(0, command.ExitCode);
    }

    [Fact]
    public async Task ExecuteAsync_WorkingDirectoryAndEnvironment_AreApplied()
    {
        var spec = new CommandTargetSpec
        {
            Program = "/bin/sh",
            Args = ["-c", "echo \"$GREETING $(pwd)\""],
            WorkingDirectory = work.FullName,
            Environment = new Dictionary<string, string> { ["GREETING"] = "hi" },
        };

        var result = await Execute(spec);

        Assert.Equal($"hi {work.FullName}\n", Assert.Single(result.Commands).Stdout);
    }

    [Fact]
    public async Task ExecuteAsync_NonZeroExit_FailsRetryableWithStderr()
    {
        var result = await Execute(new CommandTargetSpec { Program = "/bin/sh", Args = ["-c", "echo oops >&2; exit 3"] });

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.True(result.Retryable);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("exit code 3", result.Error);
        Assert.Equal("oops\n", Assert.Single(result.Commands).Stderr);
    }

    [Fact]
    public async Task ExecuteAsync_ArgumentsWithShellSyntax_AreNotInterpretedWithoutUseShell()
    {
        var result = await Execute(new CommandTargetSpec { Program = "echo", Args = ["$HOME; echo injected"] });

        Assert.Equal("$HOME; echo injected\n", Assert.Single(result.Commands).Stdout);
    }

    [Fact]
    public async Task ExecuteAsync_ScriptWithoutUseShell_IsNotRunThroughAShell()
    {
        var result = await Execute(new CommandTargetSpec { Program = "echo $((1+2))" });

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.False(result.Retryable);
        Assert.Contains("was not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_UseShell_RunsScriptWithArgsAsPositionalParameters()
    {
        var result = await Execute(new CommandTargetSpec { Program = "echo $((1+2)) \"$1\"", Args = ["first"], UseShell = true });

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        Assert.Equal("3 first\n", Assert.Single(result.Commands).Stdout);
    }

    [Fact]
    public async Task ExecuteAsync_HundredKilobytesOfOutput_KeepsHeadAndTailMarkedTruncated()
    {
        var spec = new CommandTargetSpec { Program = "/bin/sh", Args = ["-c", "echo FIRST; yes 0123456789 | head -c 102400; echo LAST"] };

        var stdout = Assert.Single((await Execute(spec)).Commands).Stdout!;

        Assert.StartsWith("FIRST\n0123456789\n", stdout, StringComparison.Ordinal);
        Assert.EndsWith("LAST\n", stdout, StringComparison.Ordinal);
        Assert.Contains("…[truncated: ", stdout, StringComparison.Ordinal);
        Assert.InRange(stdout.Length, 8192, 8300);
    }

    [Fact]
    public async Task ExecuteAsync_Timeout_KillsChildAndReparentedGrandchildren()
    {
        var script = $"echo $$ > {work.FullName}/child.pid; sleep 300 & echo $! > {work.FullName}/grandchild.pid; " +
                     $"(sleep 300 & echo $! > {work.FullName}/orphan.pid); wait";
        var attempt = host.Executor("command").ExecuteAsync(
            Invocations.For(new CommandTargetSpec { Program = "/bin/sh", Args = ["-c", script] }, timeout: TimeSpan.FromSeconds(30)), CancellationToken.None);
        var pids = await Pids("child", "grandchild", "orphan");
        Assert.All(pids, pid => Assert.True(ProcessProbe.IsRunning(pid)));

        time.Advance(TimeSpan.FromSeconds(30));
        var result = await attempt.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(AttemptStatus.TimedOut, result.Status);
        Assert.True(result.Retryable);
        Assert.Contains("process tree killed", result.Error, StringComparison.Ordinal);
        foreach (var pid in pids)
        {
            Assert.True(await ProcessProbe.WaitForExitAsync(pid, TimeSpan.FromSeconds(5)), $"pid {pid} survived the timeout");
        }
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_KillsTreeAndThrows()
    {
        using var cancel = new CancellationTokenSource();
        var attempt = host.Executor("command").ExecuteAsync(
            Invocations.For(new CommandTargetSpec { Program = "/bin/sh", Args = ["-c", $"sleep 300 & echo $! > {work.FullName}/grandchild.pid; wait"] }), cancel.Token);
        var pid = (await Pids("grandchild"))[0];

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => attempt.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await ProcessProbe.WaitForExitAsync(pid, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ExecuteAsync_MissingWorkingDirectory_FailsNonRetryable()
    {
        var result = await Execute(new CommandTargetSpec { Program = "pwd", WorkingDirectory = Path.Combine(work.FullName, "missing") });

        Assert.False(result.Retryable);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    private Task<AttemptResult> Execute(CommandTargetSpec spec) =>
        host.Executor("command").ExecuteAsync(Invocations.For(spec), CancellationToken.None);

    private async Task<int[]> Pids(params string[] names)
    {
        var pids = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            pids[i] = await ProcessProbe.ReadPidFileAsync(Path.Combine(work.FullName, names[i] + ".pid"), TimeSpan.FromSeconds(10));
        }

        return pids;
    }
}
