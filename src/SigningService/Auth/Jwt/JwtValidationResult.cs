using System.Diagnostics.CodeAnalysis;

namespace SigningService.Auth.Jwt;

/// <summary>Either a validated token or a reason code with a fixed message that never echoes token content.</summary>
public sealed class JwtValidationResult
{
    private JwtValidationResult(ValidatedJwt? token, JwtFailureReason? reason, string? message)
    {
        Token = token;
        FailureReason = reason;
        FailureMessage = message;
    }

    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(FailureReason), nameof(FailureMessage))]
    public bool Succeeded => Token is not null;

    public ValidatedJwt? Token { get; }

    public JwtFailureReason? FailureReason { get; }

    public string? FailureMessage { get; }

    public static JwtValidationResult Success(ValidatedJwt token) => new(token, null, null);

    public static JwtValidationResult Fail(JwtFailureReason reason, string message) => new(null, reason, message);

    public override string ToString() => Succeeded ? $"Success({Token.Issuer})" : $"{FailureReason}: {FailureMessage}";
}
