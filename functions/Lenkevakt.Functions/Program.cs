using Lenkevakt.Functions;
using Microsoft.Extensions.Hosting;

// The composition lives in LenkevaktFunctionsApp so the tests build the same service provider without the host.
var builder = LenkevaktFunctionsApp.CreateBuilder(args);
builder.AddLenkevaktFunctions();
await builder.Build().RunAsync();
