namespace SigningService.Auth.Access;

/// <summary>
/// An allowed decision, kept on the request: the job submitter refuses to create a job for a
/// request that has none, so an endpoint that forgets its access check fails closed.
/// </summary>
public sealed record AccessGrant(string Principal, string Operation, string? Key, ArtifactScope? Scope)
{
    private const string ItemKey = "SigningService.AccessGrant";

    public static AccessGrant? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var grant) ? grant as AccessGrant : null;

    internal void Attach(HttpContext http) => http.Items[ItemKey] = this;
}
