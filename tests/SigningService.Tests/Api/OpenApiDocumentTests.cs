using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Api;

/// <summary>openapi.yaml at the repository root is generated from the app; a stale copy fails here.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task OpenApiYaml_MatchesTheRunningApp()
    {
        using var factory = new ServiceFactory();
        var client = factory.CreateClient();
        var generated = (await client.GetStringAsync("/openapi/v1.yaml")).ReplaceLineEndings("\n");
        var committedPath = Path.Combine(TestTools.RepoRoot, "openapi.yaml");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committedPath, generated);
        }

        Assert.True(File.Exists(committedPath), "openapi.yaml is missing: run the tests once with UPDATE_OPENAPI=1");
        var committed = (await File.ReadAllTextAsync(committedPath)).ReplaceLineEndings("\n");
        Assert.True(committed == generated,
            "openapi.yaml is stale: regenerate it with `UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests` and commit it");
    }

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        using var factory = new ServiceFactory();
        var client = factory.CreateClient();

        var page = await client.GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger", page, StringComparison.OrdinalIgnoreCase);
    }
}
