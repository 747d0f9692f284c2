using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduler.Cli.Http;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scheduler.Cli.Output;

/// <summary>Where a command writes: results to stdout (tables or JSON), messages and errors to stderr.</summary>
public sealed class Terminal(IAnsiConsole output, IAnsiConsole error, OutputFormat format)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IAnsiConsole Out => output;
    public OutputFormat Format => format;
    public bool IsJson => format == OutputFormat.Json;

    /// <summary>Consoles over the process's stdout and stderr. Redirected output gets a wide fixed width so tables do not wrap in pipes and logs.</summary>
    public static Terminal ForProcess(OutputFormat format)
    {
        var stdout = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsOutputRedirected)
        {
            stdout.Profile.Width = Width();
        }

        if (Console.IsErrorRedirected)
        {
            stderr.Profile.Width = Width();
        }

        return new Terminal(stdout, stderr, format);
    }

    public void Json(JsonNode? node) =>
        output.Profile.Out.Writer.WriteLine(node?.ToJsonString(Indented) ?? "null");

    public void Render(IRenderable renderable) => output.Write(renderable);

    /// <summary>A one-line confirmation (table mode only: in JSON mode stdout carries only JSON).</summary>
    public void Done(string message)
    {
        if (!IsJson)
        {
            output.MarkupLine($"[green]✓[/] {Markup.Escape(message)}");
        }
    }

    public void Problem(Problem problem)
    {
        error.MarkupLine($"[red]Error {problem.Status}:[/] {Markup.Escape(problem.Title)}");
        // A validation problem's detail only repeats its field errors.
        if (problem.Detail is { } detail && detail != problem.Title && problem.Errors.Count == 0)
        {
            error.MarkupLine($"  {Markup.Escape(detail)}");
        }

        foreach (var (field, messages) in problem.Errors)
        {
            foreach (var message in messages)
            {
                error.MarkupLine($"  [yellow]{Markup.Escape(field.Length == 0 ? "(job)" : field)}[/]: {Markup.Escape(message)}");
            }
        }
    }

    public void Fail(string message) => error.MarkupLine($"[red]Error:[/] {Markup.Escape(message)}");

    private static int Width() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var columns) && columns > 40
            ? columns
            : 160;
}
