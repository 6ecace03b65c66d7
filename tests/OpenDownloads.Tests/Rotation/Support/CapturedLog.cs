using Microsoft.Extensions.Logging;

namespace OpenDownloads.Tests.Rotation.Support;

internal sealed record CapturedLog(LogLevel Level, int EventId, string Category, string Message, string? Exception);
