namespace Lenkevakt.Storage;

/// <summary>Azure Storage (or Azurite) could not be reached: the message names the connection setting and how to fix it.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
