using System.Net;
using SigningService.Tests.Api;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Security;

/// <summary>A burst over one principal's limit gets 429 with Retry-After; other principals keep working.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Burst_OverLimit_429WithRetryAfter_OtherPrincipalUnaffected()
    {
        var settings = SecurityFixture.Settings(new Uri("http://127.0.0.1:9/jwks"));
        settings["RateLimits:PermitsPerWindow"] = "3";
        settings["RateLimits:WindowSeconds"] = "120";
        using var factory = new ServiceFactory(settings);
        var reader = Client(factory, SecurityFixture.ReaderKey);
        var admin = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/keys")).StatusCode);
        }
        var limited = await reader.GetAsync("/v1/keys");

        await BadInputTests.AssertProblemAsync(limited, 429, "rate-limited", "burst");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/live")).StatusCode);
    }

    private static HttpClient Client(ServiceFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
