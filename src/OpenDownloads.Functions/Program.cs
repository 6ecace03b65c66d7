using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OpenDownloads.Functions.Counting;

// Wiring only: functions, options and their dependencies are registered here as they arrive, never logic.
var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddStreamCounting(builder.Configuration);

builder.Build().Run();
