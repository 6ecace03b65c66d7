using System.Text;

namespace OpenDownloads.Tests.Agents;

/// <summary>Turns a small inline user-agent list into the stream the loaders read.</summary>
internal static class AgentListJson
{
    public static MemoryStream ToStream(string json) => new(Encoding.UTF8.GetBytes(json));
}
