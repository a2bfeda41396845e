using Microsoft.Extensions.Options;
using SigningService.Cryptoki.Keys;
using SigningService.Cryptoki.Pooling;
using SigningService.Hsm;

namespace SigningService.Admin;

/// <summary>
/// `SigningService keys generate --hsm TOKEN --label L --id HEX --type ec-p256|ec-p384|rsa-2048|rsa-3072`:
/// makes a key pair in a configured token ("Hsm:Tokens:TOKEN" from appsettings and environment, like the
/// service) and prints its public key PEM. The PIN comes from the token's PinFile / PinEnvironmentVariable.
/// </summary>
public static class HsmKeyGenerateCommand
{
    private const string Usage = "usage: SigningService keys generate --hsm TOKEN --label LABEL --id HEX --type ec-p256|ec-p384|rsa-2048|rsa-3072";

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "generate")
        {
            Console.Error.WriteLine(Usage);
            return Task.FromResult(2);
        }
        if (!TryParse(args[1..], out var options, out var error))
        {
            Console.Error.WriteLine(error);
            return Task.FromResult(2);
        }
        var hsm = LoadHsmOptions();
        var validation = new HsmOptionsValidator().Validate(null, hsm);
        if (validation.Failed)
        {
            Console.Error.WriteLine(validation.FailureMessage);
            return Task.FromResult(2);
        }
        if (!hsm.Tokens.TryGetValue(options.Token, out var token))
        {
            Console.Error.WriteLine($"Hsm:Tokens:{options.Token} is not configured (set it in appsettings.json or as Hsm__Tokens__{options.Token}__... environment variables).");
            return Task.FromResult(2);
        }
        using var pool = new HsmTokenPool(HsmTokenPools.ToPoolOptions(token));
        var state = pool.Connect();
        if (!state.IsReady)
        {
            Console.Error.WriteLine($"{state.Status}: {state.Message}");
            return Task.FromResult(1);
        }
        foreach (var existing in new[] { new HsmKeySelector(options.Label), new HsmKeySelector(null, options.Id) })
        {
            if (Exists(pool, existing))
            {
                Console.Error.WriteLine($"the token already holds a key with {existing}; choose another label and id");
                return Task.FromResult(1);
            }
        }
        var publicKey = HsmKeyGenerator.Generate(pool, options.Label, options.Id, options.Kind);
        Console.Error.WriteLine($"generated {publicKey.Algorithm} key '{options.Label}' (id {Convert.ToHexStringLower(options.Id)}) in {pool.TokenDescription}");
        Console.Write(publicKey.Pem.EndsWith('\n') ? publicKey.Pem : publicKey.Pem + "\n");
        return Task.FromResult(0);
    }

    private static bool Exists(HsmTokenPool pool, HsmKeySelector selector)
    {
        try
        {
            pool.GetPublicKey(selector);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return true; // more than one
        }
    }

    private static HsmOptions LoadHsmOptions()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(HsmOptions.Section).Get<HsmOptions>() ?? new HsmOptions();
    }

    private sealed record Options(string Token, string Label, byte[] Id, HsmKeyKind Kind);

    private static bool TryParse(string[] args, out Options options, out string? error)
    {
        options = null!;
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || args[i] is not ("--hsm" or "--label" or "--id" or "--type"))
            {
                error = $"unexpected argument '{args[i]}'\n{Usage}";
                return false;
            }
            values[args[i]] = args[i + 1];
        }
        if (!values.TryGetValue("--hsm", out var token) || !values.TryGetValue("--label", out var label)
            || !values.TryGetValue("--id", out var idHex) || !values.TryGetValue("--type", out var type))
        {
            error = Usage;
            return false;
        }
        byte[] id;
        try
        {
            id = Convert.FromHexString(idHex);
        }
        catch (FormatException)
        {
            id = [];
        }
        if (id.Length is 0 or > 64)
        {
            error = "--id must be 1-64 bytes of hex, e.g. 01";
            return false;
        }
        HsmKeyKind? kind = type switch
        {
            "ec-p256" => HsmKeyKind.EcP256,
            "ec-p384" => HsmKeyKind.EcP384,
            "rsa-2048" => HsmKeyKind.Rsa2048,
            "rsa-3072" => HsmKeyKind.Rsa3072,
            _ => null,
        };
        if (kind is null)
        {
            error = $"--type must be ec-p256, ec-p384, rsa-2048 or rsa-3072\n{Usage}";
            return false;
        }
        options = new Options(token, label, id, kind.Value);
        return true;
    }
}
