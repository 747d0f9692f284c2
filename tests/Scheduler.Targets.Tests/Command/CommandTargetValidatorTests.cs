using Scheduler.Core.Targets;
using Scheduler.Targets.Command;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Command;

public sealed class CommandTargetValidatorTests
{
    private readonly CommandTargetValidator validator = new();

    [Theory]
    [InlineData("env")]
    [InlineData("/usr/bin/env")]
    public async Task ValidateAsync_AbsoluteOrBareProgram_IsAccepted(string program)
    {
        Assert.Empty(await validator.ValidateAsync(new CommandTargetSpec { Program = program, Args = ["a"] }, CancellationToken.None));
    }

    [Theory]
    [InlineData("", "target.program")]
    [InlineData("  ", "target.program")]
    [InlineData("./run.sh", "target.program")]
    [InlineData("bin/run", "target.program")]
    [InlineData("ec\0ho", "target.program")]
    public async Task ValidateAsync_BadProgram_IsRefused(string program, string field)
    {
        var errors = await validator.ValidateAsync(new CommandTargetSpec { Program = program }, CancellationToken.None);

        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public async Task ValidateAsync_NulInArgumentOrRelativeDirectory_IsRefused()
    {
        var spec = new CommandTargetSpec
        {
            Program = "echo",
            Args = ["ok", "b\0ad"],
            WorkingDirectory = "relative/dir",
            Environment = new Dictionary<string, string> { ["A=B"] = "x" },
        };

        var fields = (await validator.ValidateAsync(spec, CancellationToken.None)).Select(e => e.Field).ToList();

        Assert.Equal(["target.args[1]", "target.workingDirectory", "target.environment.A=B"], fields);
    }

    [Fact]
    public async Task ValidateAsync_ShellScriptWithSlashes_IsAcceptedWhenUseShell()
    {
        Assert.Empty(await validator.ValidateAsync(new CommandTargetSpec { Program = "./run.sh && echo done", UseShell = true }, CancellationToken.None));
    }

    [Fact]
    public async Task JobValidator_CommandTargetOnHostWithCommandsDisabled_RefusesType()
    {
        using var host = new TargetHost(new Dictionary<string, string?>());

        var errors = await host.JobValidator.ValidateAsync(Invocations.Job(new CommandTargetSpec { Program = "echo" }), CancellationToken.None);

        Assert.DoesNotContain("command", host.Registry.EnabledKinds);
        Assert.Contains(errors.All, e => e.Field == "target.type");
    }

    [Fact]
    public async Task JobValidator_CommandsDisabled_NamesTheSettingThatEnablesThem()
    {
        using var host = new TargetHost(new Dictionary<string, string?> { ["Scheduler:Targets:Command:Enabled"] = "false" });

        var errors = await host.JobValidator.ValidateAsync(Invocations.Job(new CommandTargetSpec { Program = "echo" }), CancellationToken.None);

        Assert.Null(host.Registry.Find("command"));
        var error = Assert.Single(errors.All);
        Assert.Equal("target.type", error.Field);
        Assert.Equal(
            "Targets of type 'command' are not enabled on this host (enabled: http, queue, ssh); the host's setting Scheduler:Targets:Command:Enabled=true enables them.",
            error.Message);
    }

    [Fact]
    public async Task Registry_CommandsEnabled_ListsCommandKind()
    {
        using var host = new TargetHost(new Dictionary<string, string?> { ["Scheduler:Targets:Command:Enabled"] = "true" });

        var errors = await host.JobValidator.ValidateAsync(Invocations.Job(new CommandTargetSpec { Program = "echo" }), CancellationToken.None);

        Assert.Equal(["command", "http", "queue", "ssh"], host.Registry.EnabledKinds.Order());
        Assert.True(errors.IsValid);
    }
}
