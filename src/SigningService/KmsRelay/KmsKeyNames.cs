namespace SigningService.KmsRelay;

// Key names travel in cosign's --key hsm://NAME and in logs, so they stay a plain token.
internal static partial class KmsKeyNames
{
    public static bool IsValid(string name) => KeyNamePattern().IsMatch(name);

    public static string ForLog(string name) => IsValid(name) ? name : "(invalid)";

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\z")]
    private static partial System.Text.RegularExpressions.Regex KeyNamePattern();
}
