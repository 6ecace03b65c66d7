using OpenDownloads.Rotation.Configuration;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>Consumer entries for test configurations.</summary>
internal static class TestConsumers
{
    public const string Sites = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/";
    public const string Apps = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.App/containerApps/";

    public static ConsumerOptions Site(
        string name,
        string action,
        params (string Vault, string Secret, string Match)[] secrets)
    {
        var consumer = new ConsumerOptions { Name = name, ResourceId = Sites + name, Action = action };
        foreach (var (vault, secret, match) in secrets)
        {
            consumer.DependsOn.Add(new DependencyOptions { Vault = vault, Secret = secret, Match = match });
        }

        return consumer;
    }

    public static ConsumerOptions ContainerApp(string name, string action, string vault, string secret)
    {
        var consumer = new ConsumerOptions { Name = name, ResourceId = Apps + name, Action = action };
        consumer.DependsOn.Add(new DependencyOptions { Vault = vault, Secret = secret });
        return consumer;
    }
}
