using Lenkevakt.Storage;

namespace Lenkevakt.Tests.Storage;

[Trait("Category", "Unit")]
public sealed class StorageOptionsValidatorTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true", null, true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=bm9rZXk=;EndpointSuffix=core.windows.net", null, true)]
    [InlineData("garbage", null, false)]
    [InlineData("", null, false)]
    [InlineData("garbage", "lenkevaktprod", true)]
    [InlineData("", "Not_An_Account", false)]
    public void ConnectionStringOrAccountName_MustBeUsable(string connectionString, string? accountName, bool valid)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { ConnectionString = connectionString, AccountName = accountName });

        Assert.Equal(valid, result.Succeeded);
        Assert.DoesNotContain("garbage", result.FailureMessage ?? "", StringComparison.Ordinal);
    }
}
