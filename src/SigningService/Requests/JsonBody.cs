using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SigningService.Errors;

namespace SigningService.Requests;

/// <summary>
/// Reads a JSON request body strictly: application/json only, bounded size and depth, no unknown
/// or repeated members. Read by hand (not by parameter binding) so every refusal is our ProblemDetails.
/// </summary>
public sealed class JsonBody(IOptions<JsonBodyOptions> limits, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly JsonSerializerOptions _strict = new(json.Value.SerializerOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        MaxDepth = limits.Value.MaxDepth,
    };

    public JsonBodyOptions Limits => limits.Value;

    public async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestProblemException(Problems.UnsupportedMediaType, "Send the request as application/json.");
        }
        var max = limits.Value.MaxBytes;
        if (request.ContentLength > max)
        {
            throw new RequestProblemException(Problems.PayloadTooLarge, $"The body is larger than {max} bytes.");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new RequestProblemException(Problems.PayloadTooLarge, $"The body is larger than {max} bytes.");
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), _strict)
                ?? throw new RequestProblemException(Problems.Validation, "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            // The path names the member (safe); the exception text could echo input, so it is not shown.
            var where = string.IsNullOrEmpty(e.Path) ? "the body" : e.Path.Length <= 128 ? e.Path : e.Path[..128] + "…";
            throw new RequestProblemException(Problems.Validation,
                $"The body is not valid for this endpoint at {where} (malformed JSON, wrong type, unknown or repeated member, or nested too deep).");
        }
    }
}
