using System.Text.Json.Nodes;

namespace Scheduler.Api.Tests.Fuzz;

/// <summary>Mutates a valid JSON body into the shapes a client can send: any value replaced by null, another type, an
/// edge value or a huge one; members removed, added, unknown; nulls and junk inside arrays and maps. Deterministic per seed.</summary>
public sealed class JsonMutator(int seed)
{
    private readonly Random random = new(seed);

    private static readonly Func<JsonNode?>[] Values =
    [
        () => null,
        () => true,
        () => 0,
        () => -1,
        () => 2147483648L,
        () => -9223372036854775808L,
        () => 1e308,
        () => 0.5,
        () => "",
        () => " ",
        () => "x",
        () => "\u0000\u001f",
        () => "\ud83d\ude00",
        () => new string('a', 40_000),
        () => "00:00:00",
        () => "-00:00:01",
        () => "10675199.02:48:05.4775807",
        () => "99999999.00:00:00",
        () => "0001-01-01T00:00:00Z",
        () => "9999-12-31T23:59:59Z",
        () => "2030-01-01T09:00:00+14:00",
        () => "* * * * *",
        () => "http://127.0.0.1/",
        () => "../..",
        () => "a/b#c?d\\e",
        () => new JsonArray(),
        () => new JsonArray((JsonNode?)null),
        () => new JsonArray("x", null, 1),
        () => new JsonObject(),
        () => new JsonObject { ["a"] = null },
        () => new JsonObject { ["type"] = "http" },
        () => Deep(70),
    ];

    /// <summary>Every single-field variant of <paramref name="body"/>: each value (the root, every member, every element)
    /// replaced by each shape of <see cref="Values"/>, each member removed, and a null or junk entry added to each array and object.</summary>
    public static IEnumerable<JsonNode?> Exhaustive(JsonNode body)
    {
        var count = Nodes(body).Count;
        for (var index = 0; index < count; index++)
        {
            foreach (var value in Values)
            {
                yield return Edit(body, index, node => node.Parent is null ? value() : Replaced(node, value()));
            }

            yield return Edit(body, index, node => Removed(node));
            yield return Edit(body, index, node => Extended(node, null));
            yield return Edit(body, index, node => Extended(node, "x"));
        }
    }

    /// <summary>A mutated deep copy of <paramref name="body"/>: 1 to 3 mutations.</summary>
    public JsonNode? Mutate(JsonNode body)
    {
        JsonNode? root = body.DeepClone();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            root = MutateOnce(root);
        }

        return root;
    }

    private JsonNode? MutateOnce(JsonNode? root)
    {
        var nodes = Nodes(root);
        if (nodes.Count == 0 || random.Next(40) == 0)
        {
            return Value();
        }

        var target = nodes[random.Next(nodes.Count)];
        var parent = target.Parent;
        var choice = random.Next(10);
        switch (target)
        {
            case JsonObject obj when choice < 3 && obj.Count > 0:
                obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                return root;
            case JsonObject obj when choice < 5:
                obj[random.Next(3) == 0 ? "unknownField" : KnownName(obj)] = Value();
                return root;
            case JsonArray array when choice < 5:
                array.Insert(random.Next(array.Count + 1), Value());
                return root;
        }

        if (parent is null)
        {
            return Value();
        }

        Replace(target, Value());
        return root;
    }

    /// <summary>A member name the object already has, so that its value changes type or shape.</summary>
    private string KnownName(JsonObject obj) => obj.Count == 0 ? "id" : obj.ElementAt(random.Next(obj.Count)).Key;

    private JsonNode? Value() => Values[random.Next(Values.Length)]();

    private static JsonNode? Edit(JsonNode body, int index, Func<JsonNode, JsonNode?> edit)
    {
        var copy = body.DeepClone();
        return edit(Nodes(copy)[index]);
    }

    private static JsonNode? Replaced(JsonNode node, JsonNode? value)
    {
        var root = node.Root;
        Replace(node, value);
        return root;
    }

    private static JsonNode? Removed(JsonNode node)
    {
        var root = node.Root;
        switch (node.Parent)
        {
            case JsonObject obj:
                obj.Remove(node.GetPropertyName());
                break;
            case JsonArray array:
                array.RemoveAt(node.GetElementIndex());
                break;
        }

        return root;
    }

    private static JsonNode? Extended(JsonNode node, JsonNode? entry)
    {
        switch (node)
        {
            case JsonObject obj:
                obj["zz" + obj.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)] = entry;
                break;
            case JsonArray array:
                array.Add(entry);
                break;
        }

        return node.Root;
    }

    private static List<JsonNode> Nodes(JsonNode? root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        return nodes;
    }

    private static void Replace(JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject obj:
                obj[target.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = value;
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }

        into.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, into);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, into);
                }

                break;
        }
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }
}
