using SigningService.KmsPlugin;

// cosign runs this once per method call: argv[1] = protocol version, argv[2] = JSON arguments,
// stdin = the message, stdout = one JSON response. cosign ignores the exit code and reads
// errors only from "errorMessage", so every failure path must still print valid JSON.
try
{
    var response = await PluginRunner.RunAsync(args, Console.OpenStandardInput(), Environment.GetEnvironmentVariable);
    PluginOutput.Write(Console.OpenStandardOutput(), response);
}
catch (Exception ex)
{
    // No stack trace: it would reach cosign's stderr and the job log.
    PluginOutput.Write(Console.OpenStandardOutput(), PluginResult.Fail($"sigstore-kms-hsm: unexpected {ex.GetType().Name}"));
}
return 0;
