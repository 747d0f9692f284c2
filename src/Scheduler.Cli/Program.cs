return await Scheduler.Cli.CliApp.RunAsync(args).ConfigureAwait(false);
