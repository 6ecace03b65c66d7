using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// The Functions SDK reads this when it finds a binding attribute declared in this assembly (our EventHubTrigger) on
// a function, and adds this package to the WorkerExtensions project it builds for the host: the same WebJobs
// extension, at the same version, as Microsoft.Azure.Functions.Worker.Extensions.EventHubs 6.3.5 names. The
// worker-side package is not used because this project's build machines cannot restore it; see the README.
[assembly: ExtensionInformation("Microsoft.Azure.WebJobs.Extensions.EventHubs", "6.3.5")]
