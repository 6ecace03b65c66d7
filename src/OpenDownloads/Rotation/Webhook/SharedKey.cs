using System.Security.Cryptography;
using System.Text;

namespace OpenDownloads.Rotation.Webhook;

/// <summary>
/// Compares a supplied key with the configured one in constant time: both are hashed first, so neither the
/// length nor the first differing byte shows in the timing.
/// </summary>
internal static class SharedKey
{
    public static bool Matches(string? supplied, string? expected)
    {
        if (string.IsNullOrEmpty(supplied) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var left = SHA256.HashData(Encoding.UTF8.GetBytes(supplied));
        var right = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
