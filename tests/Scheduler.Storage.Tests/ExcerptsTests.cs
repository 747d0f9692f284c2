using Scheduler.Core.Runs;
using Scheduler.Storage.Tables;

namespace Scheduler.Storage.Tests;

public sealed class ExcerptsTests
{
    [Theory]
    [InlineData("abcdef", 3, "abc…")]
    [InlineData("abc", 3, "abc")]
    [InlineData("abc", 0, "…")]
    [InlineData("a😀b", 2, "a…")]
    public void Cut_LongText_KeepsWholeCharactersAndMarksTheCut(string text, int max, string expected)
    {
        Assert.Equal(expected, Excerpts.Cut(text, max));
    }

    [Fact]
    public void AttemptJson_TextThatEscapesSixfold_StaysWithinOneProperty()
    {
        var result = new AttemptResult
        {
            Status = AttemptStatus.Failed,
            Error = new string('\u0001', 40_000),
            Log = [.. Enumerable.Range(0, 2_000).Select(_ => new string('\u0002', 500))],
        };

        var json = Excerpts.AttemptJson(result);

        Assert.InRange(json.Length, 100, Excerpts.AttemptJsonChars);
    }
}
