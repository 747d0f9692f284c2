using System.Text.Json;
using Scheduler.Core.Placeholders;

namespace Scheduler.Core.Tests.Placeholders;

public sealed class PlaceholderEscaperTests
{
    private const string Hostile = "a\"b\\c\nd'e $(rm -rf /) `x` ;f&g=h/i?j#k é";

    [Fact]
    public void Escape_JsonString_StaysOneStringInsideAJsonBody()
    {
        var body = $"{{\"file\": \"{PlaceholderEscaper.Escape(Hostile, PlaceholderEscaping.JsonString)}\", \"n\": 1}}";

        using var parsed = JsonDocument.Parse(body);

        Assert.Equal(Hostile, parsed.RootElement.GetProperty("file").GetString());
        Assert.Equal(1, parsed.RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public void Escape_UrlComponent_StaysOneQueryValueAndOnePathSegment()
    {
        var escaped = PlaceholderEscaper.Escape(Hostile, PlaceholderEscaping.UrlComponent);
        var uri = new Uri($"https://example.test/files/{escaped}?name={escaped}&other=1");

        Assert.Equal(["/", "files/", escaped], uri.Segments);
        Assert.Equal(Hostile, Uri.UnescapeDataString(uri.Segments[2]));
        Assert.Equal([("name", Hostile), ("other", "1")], Scheduler.Core.Targets.QueryParameters.Parse(uri.Query));
        Assert.Equal("example.test", uri.Host);
    }

    [Fact]
    public void Escape_HeaderValue_CannotStartAnotherHeader()
    {
        var escaped = PlaceholderEscaper.Escape("v\r\nX-Injected: 1", PlaceholderEscaping.HeaderValue);

        Assert.Equal("v  X-Injected: 1", escaped);
    }

    [Fact]
    public void Escape_Argument_IsTheValueAsItIs() =>
        Assert.Equal(Hostile, PlaceholderEscaper.Escape(Hostile, PlaceholderEscaping.Argument));

    [Fact]
    public async Task Escape_ShellWord_IsOneArgumentTheShellDoesNotExpand()
    {
        var escaped = PlaceholderEscaper.Escape(Hostile, PlaceholderEscaping.ShellWord);

        // The real shell: printf prints each argument it receives between brackets.
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"printf '[%s]' {escaped}");
        using var shell = System.Diagnostics.Process.Start(start)!;
        var output = await shell.StandardOutput.ReadToEndAsync();
        await shell.WaitForExitAsync();

        Assert.Equal($"[{Hostile}]", output);
    }
}
