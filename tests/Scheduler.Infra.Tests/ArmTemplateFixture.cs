using System.Text.Json;

namespace Scheduler.Infra.Tests;

/// <summary>Compiles infra/main.bicep once for all tests and flattens every module's resources.</summary>
public sealed class ArmTemplateFixture : IAsyncLifetime
{
    public string RepoRoot { get; private set; } = "";

    public BicepBuildResult Build { get; private set; } = new(-1, "", "");

    /// <summary>The root (subscription-scope) template.</summary>
    public JsonElement Root { get; private set; }

    /// <summary>Every resource of the root template and of the modules nested in it.</summary>
    public IReadOnlyList<ArmResource> Resources { get; private set; } = [];

    public async Task InitializeAsync()
    {
        RepoRoot = Scheduler.Testing.RepoRoot.Find();
        Build = await BicepBuild.RunAsync(RepoRoot, CancellationToken.None);
        if (Build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({Build.ExitCode}):\n{Build.Diagnostics}");
        }

        using var document = JsonDocument.Parse(Build.Json);
        Root = document.RootElement.Clone();
        var resources = new List<ArmResource>();
        Collect(Root, resources);
        Resources = resources;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource One(string type) => Assert.Single(OfType(type));

    /// <summary>The module deployment called <paramref name="name"/> in the root template.</summary>
    public ArmResource Module(string name) =>
        Assert.Single(OfType("Microsoft.Resources/deployments"), d => d.Body.GetProperty("name").GetString() == name);

    // Templates with languageVersion 2.0 hold resources in an object keyed by symbolic name, others in an array.
    private static void Collect(JsonElement template, List<ArmResource> into)
    {
        var resources = template.GetProperty("resources");
        var items = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (var body in items)
        {
            var type = body.GetProperty("type").GetString() ?? "";
            into.Add(new ArmResource(type, body, template));
            if (type == "Microsoft.Resources/deployments"
                && body.GetProperty("properties").TryGetProperty("template", out var nested))
            {
                Collect(nested, into);
            }
        }
    }
}
