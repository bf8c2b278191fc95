namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// Dates and timestamps in PostgreSQL's own binary form, for binary COPY: a date as days since 2000-01-01 (int), a
/// timestamp as microseconds since 2000-01-01 00:00 (long, UTC for timestamptz). Npgsql writes DateOnly.MinValue and
/// MaxValue, DateTime.MinValue and MaxValue as -infinity and infinity, so a clone of a table holding the finite dates
/// 0001-01-01 and 9999-12-31 (a "no end" date, the source's lowest date) held ±infinity instead, and a CHECK such as
/// <c>d &lt;= '9999-12-31'</c> refused the load. Raw values are never taken for infinity: every date the tool writes is
/// finite. A source's own infinity is read by Npgsql as the extreme date of its side, so it comes out as that finite
/// extreme (0001-01-01, 9999-12-31 23:59:59.999999): same order, same side of every finite value.
/// </summary>
internal static class PostgreSqlRawTemporal
{
    private static readonly DateOnly BaseDate = new(2000, 1, 1);
    private static readonly DateTime BaseTimestamp = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Days from 2000-01-01 to <paramref name="date"/>.</summary>
    public static int Days(DateOnly date) => date.DayNumber - BaseDate.DayNumber;

    /// <summary>Microseconds from 2000-01-01 00:00 to <paramref name="timestamp"/> (its kind ignored), cut to whole microseconds as PostgreSQL keeps them.</summary>
    public static long Microseconds(DateTime timestamp) =>
        (timestamp.Ticks - BaseTimestamp.Ticks) / (TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>Microseconds from 2000-01-01 00:00 UTC to the instant <paramref name="timestamp"/>.</summary>
    public static long Microseconds(DateTimeOffset timestamp) => Microseconds(timestamp.UtcDateTime);
}
