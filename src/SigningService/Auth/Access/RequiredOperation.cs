namespace SigningService.Auth.Access;

/// <summary>Endpoint metadata: the operation an endpoint performs (for the pre-check, 401 auditing and OpenAPI).</summary>
public sealed record RequiredOperation(string Operation);
