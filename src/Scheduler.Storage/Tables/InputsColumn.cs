using Azure.Data.Tables;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;

namespace Scheduler.Storage.Tables;

/// <summary>A run's inputs (parameters, parent run) as one JSON column of its due row and of the run's row; absent when there are none,
/// so runs without inputs cost no extra bytes.</summary>
internal static class InputsColumn
{
    public const string Name = "Inputs";

    public static void Write(TableEntity entity, RunInputs? inputs)
    {
        if (inputs is { IsEmpty: false })
        {
            entity[Name] = SchedulerJson.Serialize(inputs);
        }
    }

    public static RunInputs Read(TableEntity entity) => ReadOrNull(entity) ?? RunInputs.None;

    public static RunInputs? ReadOrNull(TableEntity entity) =>
        entity.GetString(Name) is { Length: > 0 } json ? SchedulerJson.Deserialize<RunInputs>(json) : null;
}
