using System.ComponentModel.DataAnnotations;

namespace Lenkevakt.Storage;

/// <summary>Where queues and tables live. Bound from <c>Lenkevakt:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Lenkevakt:Storage";

    /// <summary>
    /// Connection string. Default <c>UseDevelopmentStorage=true</c> (Azurite on 127.0.0.1:10000-10002, started automatically by the CLI).
    /// Ignored when <see cref="AccountName"/> is set.
    /// </summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Storage account name: when set, Lenkevakt connects with <c>DefaultAzureCredential</c> (managed identity) and no key.</summary>
    public string? AccountName { get; set; }

    /// <summary>Client id of a user-assigned managed identity for <c>DefaultAzureCredential</c>. Optional.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Lower-case letters/digits put in front of every queue and table name, so several deployments or tests can share one account. Default empty.</summary>
    [RegularExpression("^[a-z0-9]{0,20}$", ErrorMessage = "NamePrefix: bare små bokstaver a–z og sifre, høyst 20 tegn")]
    public string NamePrefix { get; set; } = "";

    /// <summary>
    /// The name prefix <c>lenkevakt run --url</c> uses instead of <see cref="NamePrefix"/>, so ad-hoc checks never appear in
    /// the catalogue's dashboard, report or alerts (the CLI's <c>--storage-prefix</c> overrides both). Default <c>adhoc</c>.
    /// </summary>
    [RegularExpression("^[a-z0-9]{0,20}$", ErrorMessage = "AdHocNamePrefix: bare små bokstaver a–z og sifre, høyst 20 tegn")]
    public string AdHocNamePrefix { get; set; } = "adhoc";

    /// <summary>Start Azurite when the connection is development storage and nothing answers. Default true (CLI only).</summary>
    public bool AutoStartAzurite { get; set; } = true;

    /// <summary>Folder for Azurite's data. Default <c>.lenkevakt/azurite</c> under the current directory.</summary>
    public string AzuriteLocation { get; set; } = Path.Combine(".lenkevakt", "azurite");

    /// <summary>The connection setting as safe to print: account keys and SAS signatures masked.</summary>
    public string Describe()
    {
        if (!string.IsNullOrEmpty(AccountName))
        {
            return $"Lenkevakt:Storage:AccountName = {AccountName} (DefaultAzureCredential)";
        }

        var masked = System.Text.RegularExpressions.Regex.Replace(ConnectionString, "(AccountKey|SharedAccessSignature|sig)=[^;&]+", "$1=***");
        return $"Lenkevakt:Storage:ConnectionString = {masked}";
    }
}
