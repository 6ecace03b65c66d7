namespace OpenDownloads.Rotation.Actions;

/// <summary>What ARM says about a consumer after an action, best first; a batch takes its worst change's.</summary>
internal enum Freshness
{
    /// <summary>ARM shows the new value in use (reference resolved to the new version, revision running).</summary>
    Fresh,

    /// <summary>ARM cannot tell (no reference to read after a restart); the action is taken as done.</summary>
    Unknown,

    /// <summary>Still settling (reference initialising, revision provisioning); read again after a delay.</summary>
    Pending,

    /// <summary>Not on the new value, or cannot be by this action; escalate one step.</summary>
    Stale,

    /// <summary>
    /// Cannot be on the new value until someone fixes something (access to the vault denied, secret missing); no
    /// restart or later attempt helps, so the run fails at once.
    /// </summary>
    Blocked,
}
