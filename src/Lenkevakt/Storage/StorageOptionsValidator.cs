using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Storage;

/// <summary>Checks at start that the storage setting can be used: a parsable connection string, or a valid account name.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AccountName))
        {
            return options.AccountName.Length is >= 3 and <= 24 && options.AccountName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"AccountName: «{options.AccountName}» er ikke et lagringskontonavn (3–24 små bokstaver og sifre)");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("ConnectionString: mangler (eller sett AccountName for pålogging med identitet)");
        }

        try
        {
            _ = new QueueServiceClient(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // The connection string can hold a key: never echo it.
            return ValidateOptionsResult.Fail(
                "ConnectionString: kan ikke leses som en tilkoblingsstreng for Azure Storage (forventet «UseDevelopmentStorage=true» " +
                "eller «DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…»)");
        }
    }
}
