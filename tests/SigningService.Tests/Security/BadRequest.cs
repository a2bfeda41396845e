using System.Net.Http.Headers;
using System.Text;

namespace SigningService.Tests.Security;

/// <summary>
/// One row of the bad-input suite: how to build the request and the documented answer
/// (status and problem type; type null when the answer has no body, e.g. from Kestrel).
/// </summary>
public sealed record BadRequest(string Name, Func<HttpRequestMessage> Build, int Status, string? Type)
{
    public override string ToString() => Name;

    public static HttpRequestMessage Post(string path, HttpContent content, Action<HttpRequestMessage>? change = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        change?.Invoke(request);
        return request;
    }

    public static HttpRequestMessage Send(HttpMethod method, string path) => new(method, path);

    /// <summary>A multipart body from raw parts, so names, file names and bytes can be anything.</summary>
    public static MultipartFormDataContent Form(params Part[] parts)
    {
        var form = new MultipartFormDataContent("bad-input-boundary");
        foreach (var part in parts)
        {
            var content = new ByteArrayContent(part.Bytes);
            content.Headers.TryAddWithoutValidation("Content-Disposition", part.Disposition);
            form.Add(content);
        }
        return form;
    }
}

public sealed record Part(string Disposition, byte[] Bytes)
{
    public static Part Field(string name, string value) => new($"form-data; name=\"{name}\"", Encoding.UTF8.GetBytes(value));

    public static Part Binary(string name, byte[] value) => new($"form-data; name=\"{name}\"", value);

    public static Part File(string fileName, byte[]? bytes = null, string name = "file") =>
        new($"form-data; name=\"{name}\"; filename=\"{fileName}\"", bytes ?? "payload"u8.ToArray());

    /// <summary>RFC 5987 file name (percent-encoded), which can carry any byte.</summary>
    public static Part FileStar(string encodedName) =>
        new($"form-data; name=\"file\"; filename*=UTF-8''{encodedName}", "payload"u8.ToArray());

    public static Part Raw(string disposition, string value) => new(disposition, Encoding.UTF8.GetBytes(value));
}

internal static class RequestHeaders
{
    public static Action<HttpRequestMessage> Add(string name, string value) => r => r.Headers.TryAddWithoutValidation(name, value);

    public static Action<HttpRequestMessage> Bearer(string value) => r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
}
