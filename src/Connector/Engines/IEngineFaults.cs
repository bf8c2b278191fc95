namespace Sdv.Connector.Engines;

/// <summary>
/// What one engine's driver exceptions mean. Each member looks at the one exception given, not its inner ones
/// (<see cref="EngineAdapters.AnyEngineSays"/> walks the chain), and answers false for another driver's exceptions.
/// </summary>
internal interface IEngineFaults
{
    /// <summary>Worth another try: the connection dropped or was refused, the server is restarting or busy, a deadlock, a serialization failure.</summary>
    bool IsTransient(Exception exception);

    /// <summary>The database's disk, tablespace, filegroup or log is full.</summary>
    bool IsDiskFull(Exception exception);

    /// <summary>A privilege the statement needs is missing: the account's rights, not a bug.</summary>
    bool IsAccessDenied(Exception exception);

    /// <summary>The column the database named in its error, where it names one in a field of its own; null otherwise.</summary>
    string? ColumnOf(Exception exception);
}
