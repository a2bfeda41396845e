namespace SigningService.Auth;

public enum AuthMode
{
    /// <summary>Every /v1 request needs a credential and a policy grant (the default).</summary>
    Enforced,

    /// <summary>Everyone is an anonymous admin. Refused at start outside Development/Testing.</summary>
    Disabled,
}
