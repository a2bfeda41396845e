namespace SigningService.Admin;

/// <summary>
/// Operator commands run as `SigningService &lt;command&gt; ...` instead of starting the web host
/// (e.g. key generation in an HSM, audit-log verification). Each command lives in its own file.
/// </summary>
public static class AdminCli
{
    /// <summary>Command name → handler (args after the name) returning the process exit code.</summary>
    private static readonly Dictionary<string, Func<string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["help"] = _ => Task.FromResult(Help()),
        ["audit"] = args => AuditVerifyCommand.RunAsync(args, Console.Out),
        ["keys"] = HsmKeyGenerateCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static Task<int> RunAsync(string[] args) => Commands[args[0]](args[1..]);

    private static int Help()
    {
        Console.WriteLine("SigningService admin commands: " + string.Join(", ", Commands.Keys.Order(StringComparer.Ordinal)));
        Console.WriteLine("Without a command, the web service starts.");
        return 0;
    }
}
