namespace Lenkevakt.Cli.Commands;

/// <summary>Configuration keys of <see cref="Lenkevakt.Storage.StorageOptions"/> that the CLI sets.</summary>
public static class StorageOptionsKeys
{
    public const string NamePrefix = Lenkevakt.Storage.StorageOptions.Section + ":" + nameof(Lenkevakt.Storage.StorageOptions.NamePrefix);
    public const string AdHocNamePrefix = Lenkevakt.Storage.StorageOptions.Section + ":" + nameof(Lenkevakt.Storage.StorageOptions.AdHocNamePrefix);
}
