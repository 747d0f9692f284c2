using System.CommandLine;
using Scheduler.Cli.Connection;
using Scheduler.Cli.Http;
using Scheduler.Cli.Output;

namespace Scheduler.Cli.Commands;

/// <summary>What a command's body gets: the parsed line, the terminal, and the API client (resolved on first use).</summary>
public sealed class CommandContext(ParseResult parse, GlobalOptions options, Terminal terminal, Func<string, string?> environment)
{
    private SchedulerClient? client;

    public ParseResult Parse => parse;
    public Terminal Terminal => terminal;

    public SchedulerClient Client => client ??= SchedulerClient.Create(
        new SettingsResolver(environment).Resolve(parse.GetValue(options.Server), parse.GetValue(options.ApiKey)),
        TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(options.Timeout))));

    public T? Get<T>(Option<T> option) => parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => parse.GetValue(argument);

    public T Required<T>(Argument<T> argument) => parse.GetRequiredValue(argument);
}
