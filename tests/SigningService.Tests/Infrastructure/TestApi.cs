using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SigningService.Tests.Infrastructure;

/// <summary>Small helpers for calling the API the way a CI client would.</summary>
public static class TestApi
{
    public static MultipartFormDataContent Form(params (string Name, object Value)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in parts)
        {
            switch (value)
            {
                case byte[] bytes:
                    var content = new ByteArrayContent(bytes);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    form.Add(content, name, name + ".bin");
                    break;
                case FileInfo file:
                    form.Add(new ByteArrayContent(File.ReadAllBytes(file.FullName)), name, file.Name);
                    break;
                default:
                    form.Add(new StringContent(value.ToString()!), name);
                    break;
            }
        }
        return form;
    }

    public static async Task<(HttpResponseMessage Response, JsonObject Body)> PostWaitAsync(
        HttpClient client, string path, HttpContent content, int waitSeconds = 60)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Prefer", $"wait={waitSeconds}");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? [];
        return (response, body);
    }

    /// <summary>Posts with Prefer: wait and asserts the job finished with status succeeded.</summary>
    public static async Task<JsonObject> RunJobAsync(HttpClient client, string path, HttpContent content)
    {
        var (response, body) = await PostWaitAsync(client, path, content);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        Assert.True(body["status"]!.GetValue<string>() == "succeeded", $"job did not succeed: {body}");
        return body;
    }

    public static async Task<JsonObject> GetJsonAsync(HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonObject>(path) ?? [];

    public static string Pretty(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null";
}
