using Scheduler.Core.Jobs;
using Scheduler.Core.Targets;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Tests.Validation;

public sealed class PlaceholderRulesTests
{
    private static ValidationErrors Check(TargetSpec target, params JobParameter[] parameters)
    {
        var errors = new ValidationErrors();
        var job = TestJobs.Http("job", TestJobs.After(TimeSpan.FromMinutes(1))) with { Target = target, Parameters = parameters };
        PlaceholderRules.Check(job, errors);
        return errors;
    }

    [Fact]
    public void Check_KnownPlaceholdersAndDeclaredParameters_AreAccepted()
    {
        var errors = Check(
            new HttpTargetSpec { Url = "https://example.test/{{params.file}}?r={{run.id}}", Body = "{\"p\": \"{{parent.output}}\", \"a\": {{run.attempt}}}" },
            new JobParameter { Name = "file" });

        Assert.True(errors.IsValid, string.Join("; ", errors.All));
    }

    [Fact]
    public void Check_UnknownPlaceholder_NamesTheFieldAndThePlaceholder()
    {
        var errors = Check(new HttpTargetSpec { Url = "https://example.test/hook", Body = "{\"f\": \"{{params.missing}}\", \"x\": \"{{ runid }}\"}" });

        Assert.Equal(["target.body", "target.body"], errors.All.Select(e => e.Field));
        Assert.Contains("'{{params.missing}}'", errors.All[0].Message, StringComparison.Ordinal);
        Assert.Contains("'{{runid}}'", errors.All[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PlaceholderInTheHost_IsRefused()
    {
        var errors = Check(new HttpTargetSpec { Url = "https://{{params.host}}.example.test/hook" }, new JobParameter { Name = "host" });

        Assert.Equal("target.url", Assert.Single(errors.All).Field);
    }

    [Fact]
    public void Check_SshCommandsAndCommandArgs_NameTheElement()
    {
        var ssh = Check(new SshTargetSpec { Host = "h", Commands = ["ls", "cat {{params.nope}}"] });
        var command = Check(new CommandTargetSpec { Program = "{{run.id}}", Args = ["{{nope}}"] });

        Assert.Equal("target.commands[1]", Assert.Single(ssh.All).Field);
        Assert.Equal(["target.args[0]", "target.program"], command.All.Select(e => e.Field));
    }
}
