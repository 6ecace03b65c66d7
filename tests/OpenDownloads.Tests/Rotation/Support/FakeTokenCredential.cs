using Azure.Core;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>A credential that never asks Entra ID: it hands out one recognisable token and counts requests.</summary>
internal sealed class FakeTokenCredential(DateTimeOffset expiresOn) : TokenCredential
{
    public const string Token = "fake-arm-token-Zq8xT3";

    private int _requests;

    public int Requests => _requests;

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        Scopes = requestContext.Scopes;
        return new AccessToken(Token, expiresOn);
    }

    public override ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext,
        CancellationToken cancellationToken)
        =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
