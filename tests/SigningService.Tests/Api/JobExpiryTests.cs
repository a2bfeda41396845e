using System.Net;
using System.Text;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Api;

public sealed class JobExpiryTests
{
    [Fact]
    public async Task FinishedJob_AfterRetention_GoneWithItsFiles()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?>
        {
            ["Jobs:Retention"] = "00:00:01",
            ["Jobs:ExpirySweepInterval"] = "00:00:00.200",
        });
        var client = factory.CreateClient();
        var job = await TestApi.RunJobAsync(client, "/v1/sign/blob", TestApi.Form(("file", Encoding.UTF8.GetBytes("x"))));
        var id = job["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/jobs/{id}/artifacts/bundle")).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            status = (await client.GetAsync($"/v1/jobs/{id}")).StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/jobs/{id}/artifacts/bundle")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(factory.StorageRoot, id)));
    }
}
