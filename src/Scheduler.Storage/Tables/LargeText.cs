using Azure.Data.Tables;

namespace Scheduler.Storage.Tables;

/// <summary>Stores a long string over numbered columns (<c>X</c>, <c>X_1</c>, ...) below the 32K-character limit of one property.</summary>
internal static class LargeText
{
    public const int ChunkChars = 32_000;
    /// <summary>Keeps an entity well below Azure's 1 MiB (strings count two bytes per character).</summary>
    public const int MaxChars = 12 * ChunkChars;

    public static void Write(TableEntity entity, string column, string text)
    {
        if (text.Length > MaxChars)
        {
            throw new EntityTooLargeException(entity.PartitionKey, entity.RowKey, column, text.Length);
        }

        for (int i = 0, offset = 0; offset < text.Length || i == 0; i++, offset += ChunkChars)
        {
            entity[NameOf(column, i)] = text.Substring(offset, Math.Min(ChunkChars, text.Length - offset));
        }
    }

    public static string Read(TableEntity entity, string column)
    {
        var first = Columns.Required(entity, column);
        if (first.Length < ChunkChars)
        {
            return first;
        }

        var parts = new List<string> { first };
        for (var i = 1; entity.GetString(NameOf(column, i)) is { } part; i++)
        {
            parts.Add(part);
        }

        return string.Concat(parts);
    }

    private static string NameOf(string column, int index) => index == 0 ? column : $"{column}_{index}";
}
