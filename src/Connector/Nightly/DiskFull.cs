using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace Sdv.Connector.Nightly;

/// <summary>
/// A full disk (or tablespace, or file system) on the target: not transient (a retry a few seconds
/// later meets the same full disk) and not a bug, so a run says so plainly instead of "the database said".
/// </summary>
internal static class DiskFull
{
    private const int Enospc = 28;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState == "53100": // disk_full
                    return true;
                case MySqlException my when my.Number is 1021 or 1114 || my.Message.Contains("No space left on device", StringComparison.Ordinal):
                    return true;
                case SqlException sql when sql.Errors.Cast<SqlError>().Any(x => x.Number is 1105 or 9002): // filegroup full, log full
                    return true;
                case SqliteException lite when lite.SqliteErrorCode == 13: // SQLITE_FULL
                    return true;
                case IOException io when io.HResult == Enospc || (io.HResult & 0xFFFF) is 0x27 or 0x70: // ENOSPC; Windows handle-disk-full, disk-full
                    return true;
            }
        }
        return false;
    }
}
