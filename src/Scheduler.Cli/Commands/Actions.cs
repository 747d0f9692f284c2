using System.CommandLine;
using Scheduler.Cli.Http;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary>Wires a command body into System.CommandLine and turns every failure into a message and an exit code.</summary>
public sealed class Actions(GlobalOptions options, Func<string, string?> environment, Func<OutputFormat, Terminal> terminals)
{
    public GlobalOptions Options => options;

    public void Set(Command command, Func<CommandContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var terminal = terminals(parse.GetValue(options.Output));
            try
            {
                return await body(new CommandContext(parse, options, terminal, environment), cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex)
            {
                terminal.Problem(ex.Problem);
                return ex.ExitCode;
            }
            catch (UnreachableException ex)
            {
                terminal.Fail(ex.Message);
                return ExitCodes.Unreachable;
            }
            catch (UsageException ex)
            {
                terminal.Fail(ex.Message);
                return ExitCodes.Usage;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
        });
}
