using OpenDownloads.Cli;

return await OdlApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
