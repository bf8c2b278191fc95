namespace Sdv.Connector.Connections;

/// <summary>What a server connection string says, read back from the driver's builder.</summary>
/// <param name="Host">The host (or data source) as written; empty when the string names none.</param>
/// <param name="Port">The port in effect, the default filled in; null for a SQL Server named instance without a port.</param>
/// <param name="Instance">A SQL Server named instance, else null.</param>
/// <param name="Database">The database, or null when the string names none.</param>
/// <param name="User">The user, or null.</param>
/// <param name="HasPassword">Whether the string holds a non-empty password.</param>
internal sealed record ServerAddress(string Host, int? Port, string? Instance, string? Database, string? User, bool HasPassword);
