using System.Security.Claims;

namespace SigningService.Auth.Access;

public interface IAccessPolicy
{
    /// <summary>
    /// Whether <paramref name="user"/> may do <paramref name="operation"/> (see <see cref="Operations"/>).
    /// A null key or scope is not checked: pass them whenever the request names one.
    /// </summary>
    AccessDecision Authorize(ClaimsPrincipal user, string operation, string? keyName = null, ArtifactScope? scope = null);

    bool IsAdmin(ClaimsPrincipal user);
}
