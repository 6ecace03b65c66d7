using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OpenDownloads.Functions;

// Wiring only: each job's functions, options and dependencies are registered in FunctionsServices, never logic.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddOpenDownloadsFunctions(builder.Configuration);

builder.Build().Run();
