namespace Scheduler.Infra.Tests;

/// <summary>Exit code, compiled ARM JSON (stdout) and diagnostics (stderr) of one bicep build.</summary>
public sealed record BicepBuildResult(int ExitCode, string Json, string Diagnostics);
