using SigningService;
using SigningService.Admin;
using SigningService.Auth;
using SigningService.Attestation;
using SigningService.Errors;
using SigningService.Health;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Signing;
using SigningService.Verification;

if (AdminCli.IsCommand(args))
{
    return await AdminCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSigningService();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapOpenApi("/openapi/{documentName}.yaml").AllowAnonymous();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "SigningService v1");
    o.RoutePrefix = "swagger";
});
app.UseSecurity();

app.MapHealth();
app.MapProblemTypes();
app.MapKeys();
app.MapJobs();
app.MapSigning();
app.MapVerification();
app.MapAttestation();

await app.RunAsync();
return 0;

public partial class Program;
