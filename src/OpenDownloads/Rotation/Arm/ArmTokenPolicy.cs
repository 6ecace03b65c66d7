using Azure.Core;
using Azure.Core.Pipeline;

namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// Adds the ARM bearer token to each try. Unlike Azure.Core's policy it allows plain http to a loopback stand-in;
/// it refuses to send a token over plain http anywhere else. Tokens are reused until five minutes before expiry.
/// </summary>
internal sealed class ArmTokenPolicy(TokenCredential credential, string scope, TimeProvider time) : HttpPipelinePolicy
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();
    private AccessToken _token;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        RefuseInsecure(message);
        var token = await GetTokenAsync(message.CancellationToken).ConfigureAwait(false);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"Bearer {token}");
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    private static void RefuseInsecure(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        if (uri.Scheme != Uri.UriSchemeHttps && !Configuration.ArmSettingsReader.IsLoopback(uri))
        {
            throw new InvalidOperationException(
                $"Refusing to send an ARM token to '{uri.GetLeftPart(UriPartial.Authority)}' over plain http; "
                    + "expected https.");
        }
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        AccessToken cached;
        lock (_gate)
        {
            cached = _token;
        }

        if (cached.Token is not null && cached.ExpiresOn - RefreshMargin > time.GetUtcNow())
        {
            return cached.Token;
        }

        // Two calls racing here both ask the credential, which keeps its own cache; the later answer is kept.
        var fresh = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken)
            .ConfigureAwait(false);
        lock (_gate)
        {
            _token = fresh;
        }

        return fresh.Token;
    }
}
