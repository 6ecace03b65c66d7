using Microsoft.Extensions.DependencyInjection;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Coordination;

namespace OpenDownloads.Functions.Tests.Rotation;

/// <summary>Program.cs's rotation wiring: where the table and queues are reached.</summary>
public sealed class RotationServicesTests
{
    [Fact]
    public void RotationStorage_IdentityBasedHostStorage_UsesTheAccountsServiceUris()
    {
        using var services = RotationHost.Build(
            new Uri("http://127.0.0.1:1/"),
            ("AzureWebJobsStorage", ""),
            ("AzureWebJobsStorage:accountName", "odlstore"));

        var sut = services.GetRequiredService<RotationStorage>();

        Assert.Equal("https://odlstore.table.core.windows.net/rotation", sut.Table.Uri.AbsoluteUri);
        Assert.Equal("https://odlstore.queue.core.windows.net/rotation-actions", sut.Actions.Uri.AbsoluteUri);
        Assert.Equal("https://odlstore.queue.core.windows.net/rotation-actions-poison", sut.Poison.Uri.AbsoluteUri);
    }

    [Fact]
    public void RotationStorage_OwnServiceUris_WinOverTheHostConnectionStringAndPassValidation()
    {
        using var services = RotationHost.Build(
            new Uri("http://127.0.0.1:1/"),
            ("Rotation:StorageConnection:tableServiceUri", "https://rot.table.core.windows.net"),
            ("Rotation:StorageConnection:queueServiceUri", "https://rot.queue.core.windows.net"));

        var sut = services.GetRequiredService<RotationStorage>();

        Assert.Equal("rot.table.core.windows.net", sut.Table.Uri.Host);
        Assert.Equal("rot.queue.core.windows.net", sut.Actions.Uri.Host);
        Assert.Single(services.GetRequiredService<RotationSettings>().Consumers.All);
    }
}
