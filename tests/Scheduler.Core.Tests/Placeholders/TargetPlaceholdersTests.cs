using Scheduler.Core.Jobs;
using Scheduler.Core.Placeholders;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Tests.Placeholders;

public sealed class TargetPlaceholdersTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static Run RunWith(TargetSpec target, RunInputs inputs) => new()
    {
        JobId = "job",
        RunId = RunIds.For("job", Due),
        DueUtc = Due,
        Definition = new JobDefinition { Id = "job", Target = target, Schedule = Support.TestJobs.Once(Due) },
        Inputs = inputs,
    };

    private static readonly RunInputs Inputs = new()
    {
        Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["file"] = "a b/\"c\".csv" },
        Parent = new RunParent("up", "up:1", RunStatus.Succeeded, "done\n"),
    };

    [Fact]
    public void Resolve_HttpTarget_EscapesEachFieldForWhereItLands()
    {
        var target = new HttpTargetSpec
        {
            Url = "https://example.test/in/{{params.file}}?run={{run.id}}",
            Headers = new Dictionary<string, string> { ["X-Parent"] = "{{parent.output}}" },
            Body = "{\"file\": \"{{ params.file }}\", \"attempt\": {{run.attempt}}, \"due\": \"{{run.due}}\", \"parent\": \"{{parent.status}}\"}",
        };

        var resolved = (HttpTargetSpec)TargetPlaceholders.Resolve(target, PlaceholderValues.For(RunWith(target, Inputs), 3));

        Assert.Equal("https://example.test/in/a%20b%2F%22c%22.csv?run=job%3A" + Due.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture), resolved.Url);
        Assert.Equal("done ", resolved.Headers["X-Parent"]);
        Assert.Equal("{\"file\": \"a b/\\\"c\\\".csv\", \"attempt\": 3, \"due\": \"2026-12-06T10:00:00.0000000Z\", \"parent\": \"Succeeded\"}", resolved.Body);
    }

    [Fact]
    public void Resolve_CommandAndSsh_KeepEachValueOneArgument()
    {
        var command = new CommandTargetSpec { Program = "/bin/echo", Args = ["--file={{params.file}}", "{{parent.runId}}"] };
        var ssh = new SshTargetSpec { Host = "h", Commands = ["process {{params.file}}"] };

        var resolvedCommand = (CommandTargetSpec)TargetPlaceholders.Resolve(command, PlaceholderValues.For(RunWith(command, Inputs), 1));
        var resolvedSsh = (SshTargetSpec)TargetPlaceholders.Resolve(ssh, PlaceholderValues.For(RunWith(ssh, Inputs), 1));

        Assert.Equal(["--file=a b/\"c\".csv", "up:1"], resolvedCommand.Args);
        Assert.Equal(["process 'a b/\"c\".csv'"], resolvedSsh.Commands);
    }

    [Fact]
    public void Resolve_RunWithoutParent_ParentPlaceholdersAreEmpty()
    {
        var queue = new QueueTargetSpec { QueueName = "q", Message = "[\"{{parent.runId}}\", \"{{parent.output}}\"]" };

        var resolved = (QueueTargetSpec)TargetPlaceholders.Resolve(queue, PlaceholderValues.For(RunWith(queue, RunInputs.None), 1));

        Assert.Equal("[\"\", \"\"]", resolved.Message);
    }

    [Fact]
    public void Resolve_TargetWithoutPlaceholders_IsTheSameInstance()
    {
        var target = new HttpTargetSpec { Url = "https://example.test/hook", Body = "{\"a\": {\"b\": 1}}" };

        Assert.Same(target, TargetPlaceholders.Resolve(target, PlaceholderValues.For(RunWith(target, Inputs), 1)));
    }
}
