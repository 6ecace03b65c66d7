namespace OpenDownloads.Rotation.Actions;

/// <summary>The outcome read after an action, with a short reason for the log.</summary>
internal readonly record struct OutcomeCheck(Freshness Freshness, string Reason)
{
    public bool IsDone => Freshness is Freshness.Fresh or Freshness.Unknown;

    /// <summary>Neither a further step nor a later attempt can help.</summary>
    public bool IsBlocked => Freshness == Freshness.Blocked;

    /// <summary>The worse of two checks (Blocked over Stale over Pending over Unknown over Fresh).</summary>
    public OutcomeCheck Worst(OutcomeCheck other) => other.Freshness > Freshness ? other : this;

    /// <summary>The better of two checks (Fresh over Unknown over Pending over Stale over Blocked).</summary>
    public OutcomeCheck Best(OutcomeCheck other) => other.Freshness < Freshness ? other : this;
}
