using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scheduler.Cli.Commands;

/// <summary>A job definition file in the API's JSON shape; <c>-</c> is stdin.</summary>
public static class JobFile
{
    public static JsonObject Read(string path)
    {
        string text;
        try
        {
            text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read {path}: {ex.Message}");
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new UsageException($"{path} does not hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{path} is not valid JSON: {ex.Message}");
        }
    }
}
