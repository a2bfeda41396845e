namespace SigningService.Signing;

/// <summary>Small parsers for multipart text fields shared by the endpoints.</summary>
public static class FormValues
{
    public static bool TryParseBool(string? text, bool fallback, out bool value)
    {
        value = fallback;
        if (text is null)
        {
            return true;
        }
        switch (text.Trim())
        {
            case "true" or "True" or "1":
                value = true;
                return true;
            case "false" or "False" or "0":
                value = false;
                return true;
            default:
                return false;
        }
    }
}
