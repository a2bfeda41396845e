using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SigningService.Errors;
using SigningService.Storage;

namespace SigningService.Uploads;

/// <summary>
/// Reads multipart/form-data straight to the job's private folder: a file part is streamed to disk
/// (and hashed on the way), never held in memory. Strict: unknown or repeated fields are refused.
/// </summary>
public static class MultipartFormReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<UploadedForm> ReadAsync(
        HttpRequest request, string folder, IReadOnlySet<string> allowedFields, UploadOptions limits, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestProblemException(Problems.UnsupportedMediaType, "Send the request as multipart/form-data.");
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
        {
            throw new RequestProblemException(Problems.Validation, "The multipart boundary is missing or too long.");
        }

        var form = new UploadedForm();
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++parts > limits.MaxParts)
                {
                    throw new RequestProblemException(Problems.Validation, $"At most {limits.MaxParts} form parts are accepted.");
                }
                await ReadSectionAsync(section, form, folder, allowedFields, limits, cancellationToken);
            }
        }
        catch (InvalidDataException)
        {
            throw new RequestProblemException(Problems.Validation, "The multipart body is malformed.");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequestProblemException(Problems.Validation, "The multipart body ended early.");
        }
        return form;
    }

    private static async Task ReadSectionAsync(
        MultipartSection section, UploadedForm form, string folder, IReadOnlySet<string> allowedFields,
        UploadOptions limits, CancellationToken cancellationToken)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestProblemException(Problems.Validation, "Every part needs Content-Disposition: form-data.");
        }
        var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
        if (!allowedFields.Contains(name))
        {
            throw new RequestProblemException(Problems.Validation,
                $"Unknown form field. Allowed: {string.Join(", ", allowedFields.Order(StringComparer.Ordinal))}.", FieldLabel(name));
        }
        if (form.Has(name))
        {
            throw new RequestProblemException(Problems.Validation, "The field is given more than once.", name);
        }

        if (disposition.IsFileDisposition())
        {
            var clientName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (!IsPlainFileName(clientName))
            {
                // The name is never a path here, but it is recorded, matched by policies and shown back: keep it plain.
                throw new RequestProblemException(Problems.Validation,
                    "The file name must be a plain name (at most 255 characters, no path separators, '..', control, bidi or invalid characters).", name);
            }
            // The path on disk comes from the (allow-listed) field name, never from the client's file name.
            var path = Path.Combine(folder, "upload-" + name);
            var (length, sha256) = await CopyToFileAsync(section.Body, path, limits.MaxFileBytes, name, cancellationToken);
            form.Files[name] = new UploadedFile(name, path, clientName, length, sha256);
        }
        else
        {
            form.Fields[name] = await ReadTextAsync(section.Body, limits.MaxFieldBytes, name, cancellationToken);
        }
    }

    private static async Task<(long Length, string Sha256)> CopyToFileAsync(
        Stream body, string path, long maxBytes, string field, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = PrivateFiles.CreateFile(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new RequestProblemException(Problems.PayloadTooLarge, $"The file is larger than {maxBytes} bytes.", field);
            }
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<string> ReadTextAsync(Stream body, int maxBytes, string field, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                throw new RequestProblemException(Problems.PayloadTooLarge, $"The field is larger than {maxBytes} bytes.", field);
            }
            memory.Write(buffer, 0, read);
        }
        try
        {
            var text = StrictUtf8.GetString(memory.GetBuffer(), 0, (int)memory.Length);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new RequestProblemException(Problems.Validation, "The field contains a NUL character.", field);
            }
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw new RequestProblemException(Problems.Validation, "The field is not valid UTF-8.", field);
        }
    }

    // U+FFFD: header decoding of filename* is lenient, so invalid UTF-8 arrives as replacement characters.
    internal static bool IsPlainFileName(string? name) =>
        name is null or "" || (name.Length <= 255 && name is not "." and not ".."
            && Requests.TextRules.IsSafeLine(name) && !name.Any(c => c is '/' or '\\' or '\uFFFD'));

    // Unknown names are echoed only in a safe, bounded form.
    private static string FieldLabel(string name) =>
        name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? name : "(field)";
}
