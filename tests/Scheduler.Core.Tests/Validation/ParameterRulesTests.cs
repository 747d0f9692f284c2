using Scheduler.Core.Jobs;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Tests.Validation;

public sealed class ParameterRulesTests
{
    [Fact]
    public void Check_BadNameDuplicateAndLongDefault_NameEachField()
    {
        var errors = new ValidationErrors();

        ParameterRules.Check([new JobParameter { Name = "1st" }, new JobParameter { Name = "a" }, new JobParameter { Name = "a", Default = new string('x', 1025) }], errors);

        Assert.Equal(["parameters[0].name", "parameters[2].name", "parameters[2].default"], errors.All.Select(e => e.Field));
    }

    [Fact]
    public void CheckValues_UndeclaredOrTooLong_NameTheParameter()
    {
        var errors = new ValidationErrors();

        ParameterRules.CheckValues(
            new Dictionary<string, string> { ["file"] = new string('x', 1025), ["other"] = "1" },
            [new JobParameter { Name = "file" }],
            errors);

        Assert.Equal(["parameters.file", "parameters.other"], errors.All.Select(e => e.Field));
        Assert.Contains("it declares file", errors.All[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckValues_ManyWideCharacters_AreBoundedByTheirStoredSize()
    {
        var errors = new ValidationErrors();
        var declared = Enumerable.Range(0, 20).Select(i => new JobParameter { Name = $"p{i}" }).ToList();

        ParameterRules.CheckValues(declared.ToDictionary(p => p.Name, _ => new string('é', 1000)), declared, errors);

        Assert.Equal("parameters", Assert.Single(errors.All).Field);
    }
}
