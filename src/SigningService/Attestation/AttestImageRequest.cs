using System.Text.Json;
using SigningService.Registry;

namespace SigningService.Attestation;

/// <summary>Body of POST /v1/attest/image.</summary>
public sealed record AttestImageRequest(
    string? Image,
    string? Key,
    string? PredicateType,
    JsonElement? Predicate,
    bool? Tlog,
    string? SignatureRepository);

public sealed record AttestImageInput(
    ImageReference Image, string KeyName, string PredicateType, string PredicatePath, bool Tlog, ImageReference? SignatureRepository);
