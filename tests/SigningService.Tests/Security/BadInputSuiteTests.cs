using System.Net;
using SigningService.Tests.Api;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Security;

/// <summary>
/// Every row of <see cref="BadInputCases"/>: the documented 4xx, the service still healthy,
/// no job folder (and so no uploaded temp file) left behind.
/// </summary>
public sealed class BadInputSuiteTests(BadInputSuiteTests.Fixture fixture) : IClassFixture<BadInputSuiteTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public ServiceFactory Factory { get; } = new(new Dictionary<string, string?>
        {
            ["Uploads:MaxFileBytes"] = BadInputCases.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Uploads:MaxFieldBytes"] = BadInputCases.MaxFieldBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JsonBodies:MaxBytes"] = BadInputCases.MaxJsonBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JsonBodies:MaxPredicateBytes"] = BadInputCases.MaxPredicateBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        public void Dispose() => Factory.Dispose();
    }

    public static TheoryData<string> CaseNames => [.. BadInputCases.All.Select(c => c.Name)];

    [Fact]
    public void Cases_AtLeastSixty_UniqueNames()
    {
        Assert.True(BadInputCases.All.Count >= 60, $"only {BadInputCases.All.Count} cases");
        Assert.Equal(BadInputCases.All.Count, BadInputCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Send_BadInput_Documented4xxHealthyNothingLeft(string name)
    {
        var row = BadInputCases.All.Single(c => c.Name == name);
        var client = fixture.Factory.CreateClient();
        var before = fixture.Factory.JobFolders();

        using var request = row.Build();
        var response = await client.SendAsync(request);

        if (row.Type is null)
        {
            Assert.Equal(row.Status, (int)response.StatusCode);
        }
        else
        {
            await BadInputTests.AssertProblemAsync(response, row.Status, row.Type, name);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(before, fixture.Factory.JobFolders());
    }
}
