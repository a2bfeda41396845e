namespace SigningService.Resilience;

public enum FailureClass
{
    /// <summary>Worth another attempt: the remote side may answer next time.</summary>
    Transient,

    /// <summary>Will fail the same way again: bad credentials, unknown image, bad input.</summary>
    Permanent,

    /// <summary>A verification that said no: an answer, never retried.</summary>
    Verdict,
}
