using Microsoft.Extensions.Options;
using SigningService.Storage;

namespace SigningService.Uploads;

/// <summary>
/// Small documents (bundles, keys, trusted roots) may come as a file part or a text field; either
/// way cosign needs a file and we need the text to check it.
/// </summary>
public sealed class FormMaterial(IOptions<UploadOptions> limits)
{
    public sealed record Material(string Path, string Text);

    /// <summary>Null when absent; throws a 413 problem when larger than a text field may be.</summary>
    public async Task<Material?> ReadAsync(UploadedForm form, string name, string folder, CancellationToken cancellationToken)
    {
        if (form.File(name) is { } file)
        {
            if (file.Length > limits.Value.MaxFieldBytes)
            {
                throw new Errors.RequestProblemException(Errors.Problems.PayloadTooLarge,
                    $"{name} is larger than {limits.Value.MaxFieldBytes} bytes.", name);
            }
            return new Material(file.Path, await File.ReadAllTextAsync(file.Path, cancellationToken));
        }
        if (form.Field(name) is { } text)
        {
            var path = System.IO.Path.Combine(folder, "field-" + name);
            await PrivateFiles.WriteAllTextAsync(path, text, cancellationToken);
            return new Material(path, text);
        }
        return null;
    }
}
