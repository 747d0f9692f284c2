using System.Text;

namespace Scheduler.Targets.Tests;

public sealed class HeadTailBufferTests
{
    [Fact]
    public void ToExcerpt_NothingWritten_IsNull()
    {
        Assert.Null(new HeadTailBuffer().ToExcerpt());
    }

    [Fact]
    public void ToExcerpt_FitsInHeadAndTail_KeepsEverything()
    {
        var buffer = new HeadTailBuffer(4, 4);
        buffer.Append("abcdef"u8);
        buffer.Append("gh"u8);

        Assert.False(buffer.Truncated);
        Assert.Equal("abcdefgh", buffer.ToExcerpt());
    }

    [Fact]
    public void ToExcerpt_LongerThanHeadAndTail_KeepsFirstAndLastAndCountsOmitted()
    {
        var buffer = new HeadTailBuffer(4, 4);
        foreach (var chunk in new[] { "ab", "cdef", "ghijklmn", "o", "pq" })
        {
            buffer.Append(Encoding.UTF8.GetBytes(chunk));
        }

        Assert.True(buffer.Truncated);
        Assert.Equal(17, buffer.TotalBytes);
        Assert.Equal("abcd\n…[truncated: 9 bytes omitted]…\nnopq", buffer.ToExcerpt());
    }
}
