using Lenkevakt;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Relative Lenkevakt paths (Lenkevakt:Sites:Path = config/sites.json) resolve against the app's own folder, where
// the build puts the sites catalogue, whatever working directory the Functions host starts the worker in.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: the HTTP triggers take HttpRequest and return IActionResult.
builder.ConfigureFunctionsWebApplication();

// No Application Insights SDK in the worker: the worker's ILogger output goes to the host over gRPC and the host
// sends it, with its request telemetry, to Application Insights using the managed identity
// (APPLICATIONINSIGHTS_AUTHENTICATION_STRING). The worker SDK would add a dependency record for every crawled page
// and link check (hundreds of thousands a night) and its own key-or-token configuration. See functions/README.md.

// Options, storage clients, stage handlers and HTTP clients: the same registrations the CLI worker uses.
builder.Services.AddLenkevakt(builder.Configuration);

await builder.Build().RunAsync();
