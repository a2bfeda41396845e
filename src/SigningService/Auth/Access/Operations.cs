namespace SigningService.Auth.Access;

/// <summary>The operations a policy rule can grant. Names are configuration: never rename one.</summary>
public static class Operations
{
    public const string Sign = "sign";
    public const string Attest = "attest";
    public const string Verify = "verify";
    public const string ReadJobs = "read-jobs";
    public const string ReadKeys = "read-keys";

    /// <summary>Every operation, every key and artifact, and every principal's jobs.</summary>
    public const string Admin = "admin";

    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Sign, Attest, Verify, ReadJobs, ReadKeys, Admin };

    /// <summary>Operations whose refusals go to the audit log (they would make a key sign).</summary>
    public static bool IsAudited(string operation) => operation is Sign or Attest;
}
