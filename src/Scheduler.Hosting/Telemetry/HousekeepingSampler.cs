using System.Diagnostics;
using OpenTelemetry.Trace;
using Scheduler.Core.Telemetry;

namespace Scheduler.Hosting.Telemetry;

/// <summary>What both hosts record and export: work someone asked for, not the housekeeping that waits for it. A span is kept
/// when it is, or is under, a Scheduler span (<c>run</c>, <c>attempt</c>, a <c>sweep</c> that dispatched), an incoming request or
/// a function invocation; a storage or HTTP call with none of these above it (a runs-queue poll, an idle sweep's reads, a counter
/// flush, Durable's backend polling its queues) starts a trace of its own and is dropped, and nothing under it is recorded.</summary>
/// <remarks>Decided when a span starts, so a dropped call is never recorded nor exported (OpenTelemetry still creates a
/// propagation-only activity for a dropped root, which its children see as a parent not recorded, and are dropped with).
/// Invocations of the functions named as housekeeping (the sweep timer, the health probe) are dropped too: a sweep that
/// dispatches opens a Scheduler span of its own. Another process's decision (a remote parent: the Functions host's, a
/// client's <c>traceparent</c>) does not decide here: such a span is judged as a root.</remarks>
public sealed class HousekeepingSampler(IEnumerable<string>? housekeepingFunctions = null) : Sampler
{
    /// <summary>The tag the Functions worker puts on an invocation's span (OpenTelemetry schema 1.37, which
    /// Microsoft.Azure.Functions.Worker.OpenTelemetry asks the worker for).</summary>
    public const string FunctionNameTag = "faas.name";

    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly HashSet<string> housekeeping = new(housekeepingFunctions ?? [], StringComparer.Ordinal);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        // A Scheduler span is work whatever opened it: a sweep that dispatches, under the sweep timer's dropped invocation,
        // is kept with what it does.
        if (samplingParameters.Kind == ActivityKind.Internal && SchedulerTelemetry.SpanNames.Contains(samplingParameters.Name))
        {
            return Keep;
        }

        var parent = samplingParameters.ParentContext;
        if (parent.TraceId != default && !parent.IsRemote)
        {
            return (parent.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? Keep : Drop;
        }

        if (FunctionName(samplingParameters.Tags) is { } function)
        {
            return housekeeping.Contains(function) ? Drop : Keep;
        }

        // The sampler is asked only about the sources a host traces: Scheduler's (above), incoming requests (Server) and
        // outgoing HTTP calls (Client). A Client or Producer span that opens a trace is a call that no work made.
        return samplingParameters.Kind is ActivityKind.Server or ActivityKind.Consumer ? Keep : Drop;
    }

    private static string? FunctionName(IEnumerable<KeyValuePair<string, object?>>? tags)
    {
        foreach (var tag in tags ?? [])
        {
            if (tag.Key == FunctionNameTag)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
