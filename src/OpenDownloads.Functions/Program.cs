using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OpenDownloads.Functions.Counting;
using OpenDownloads.Functions.Datacenters;
using OpenDownloads.Functions.Rotation;

// Wiring only: functions, options and their dependencies are registered here as they arrive, never logic.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddDatacenterRebuild(builder.Configuration);
builder.Services.AddRotationResponder(builder.Configuration);
builder.Services.AddStreamCounting(builder.Configuration);

builder.Build().Run();
