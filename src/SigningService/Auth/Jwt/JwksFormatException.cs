namespace SigningService.Auth.Jwt;

/// <summary>A JWKS document that cannot be used at all (as opposed to single keys that are skipped).</summary>
public sealed class JwksFormatException : Exception
{
    public JwksFormatException()
    {
    }

    public JwksFormatException(string message) : base(message)
    {
    }

    public JwksFormatException(string message, Exception inner) : base(message, inner)
    {
    }
}
