using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Hsm;

internal static class HsmApi
{
    public static Task<JsonObject> SignAsync(HttpClient client, byte[] payload, string keyName) =>
        TestApi.RunJobAsync(client, "/v1/sign/blob", TestApi.Form(("file", payload), ("key", keyName), ("tlog", "false")));

    public static async Task<string> PublicKeyPemAsync(HttpClient client, string keyName)
    {
        var keys = await client.GetFromJsonAsync<JsonArray>("/v1/keys");
        return keys!.Single(k => k!["name"]!.GetValue<string>() == keyName)!["publicKeyPem"]!.GetValue<string>();
    }
}
