using System.Text;
using System.Text.Json;
using SigningService.KmsRelay.Wire;

namespace SigningService.KmsPlugin;

// Writes the sigstore cliplugin v1 response: {"errorMessage": ...} or {"<method>": {...}}.
// Byte arrays are standard base64, as Go's encoding/json expects for []byte.
internal static class PluginOutput
{
    public static void Write(Stream stdout, PluginResult result)
    {
        using (var json = new Utf8JsonWriter(stdout))
        {
            json.WriteStartObject();
            if (result.ErrorMessage is not null)
            {
                json.WriteString("errorMessage", result.ErrorMessage);
            }
            else
            {
                WriteMethodResult(json, result);
            }
            json.WriteEndObject();
        }
        stdout.Write("\n"u8);
        stdout.Flush();
    }

    private static void WriteMethodResult(Utf8JsonWriter json, PluginResult result)
    {
        json.WriteStartObject(result.Method);
        switch (result.Method)
        {
            case RelayMethods.DefaultAlgorithm:
                json.WriteString("defaultAlgorithm", result.DefaultAlgorithm);
                break;
            case RelayMethods.SupportedAlgorithms:
                json.WriteStartArray("supportedAlgorithms");
                foreach (var algorithm in result.SupportedAlgorithms ?? [])
                {
                    json.WriteStringValue(algorithm);
                }
                json.WriteEndArray();
                break;
            case RelayMethods.PublicKey:
                json.WriteBase64String("publicKeyPEM", Encoding.UTF8.GetBytes(result.PublicKeyPem ?? string.Empty));
                break;
            case RelayMethods.SignMessage:
                json.WriteBase64String("signature", result.Signature ?? []);
                break;
            case RelayMethods.VerifySignature:
                break;
        }
        json.WriteEndObject();
    }
}
