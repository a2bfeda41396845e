using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

internal static class AssertJwt
{
    public static ValidatedJwt Succeeds(JwtValidationResult result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result.Token;
    }

    public static void Fails(JwtFailureReason expected, JwtValidationResult result)
    {
        Assert.False(result.Succeeded, "token was accepted");
        Assert.Equal(expected, result.FailureReason);
        Assert.False(string.IsNullOrWhiteSpace(result.FailureMessage));
    }
}
