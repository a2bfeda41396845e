namespace SigningService.Cosign;

public sealed record CosignResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>cosign's own error line ("Error: ..."), without the repetition cosign adds after it.</summary>
    public string ErrorMessage
    {
        get
        {
            var line = StandardError.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Error: ", StringComparison.Ordinal));
            return line is null ? LastLine(StandardError) : line["Error: ".Length..];
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
