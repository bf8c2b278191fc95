using Microsoft.Data.Sqlite;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>SQLite's faults by primary result code (https://www.sqlite.org/rescode.html).</summary>
internal sealed class SqliteFaults : IEngineFaults
{
    public static readonly SqliteFaults Instance = new();

    private const int Busy = 5;
    private const int Locked = 6;
    private const int Full = 13;

    private SqliteFaults() { }

    /// <summary>Another connection holds the file's lock for a while (SQLITE_BUSY, SQLITE_LOCKED).</summary>
    public bool IsTransient(Exception exception) => exception is SqliteException { SqliteErrorCode: Busy or Locked };

    public bool IsDiskFull(Exception exception) => exception is SqliteException { SqliteErrorCode: Full };

    /// <summary>
    /// Never: SQLite has no privileges. A file the process may not write (SQLITE_READONLY, SQLITE_CANTOPEN) is a path
    /// problem, reported in SQLite's own words.
    /// </summary>
    public bool IsAccessDenied(Exception exception) => false;

    /// <summary>SQLite names a column only in its message ("NOT NULL constraint failed: t.c").</summary>
    public string? ColumnOf(Exception exception) => null;
}
