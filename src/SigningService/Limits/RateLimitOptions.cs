using System.ComponentModel.DataAnnotations;

namespace SigningService.Limits;

/// <summary>Per-principal fixed-window limits on /v1 (unauthenticated callers are partitioned by address).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int PermitsPerWindow { get; set; } = 120;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
