namespace Sdv.Connector.Csv;

/// <summary>
/// The CSV dialect this tool reads and writes: RFC 4180 quoting (a field in double quotes may hold the
/// delimiter, line breaks and quotes written twice), UTF-8 with or without a byte-order mark, records
/// ended by CRLF, LF or CR. A field left empty (no quotes) is NULL; a quoted empty field ("") is the
/// empty string. Unquoted <c>NULL</c> and <c>\N</c> (what database exports write) are NULL too when
/// <see cref="NullLiterals"/> is on; quoted, they are the text itself.
/// </summary>
internal sealed record CsvFormat
{
    /// <summary>Delimiters tried, in the order that breaks a tie.</summary>
    public static IReadOnlyList<char> Candidates { get; } = [',', ';', '\t', '|'];

    /// <summary>Comma, the default: what this tool writes and what a header line without any candidate means.</summary>
    public static CsvFormat Default { get; } = new();

    /// <summary>The field delimiter. Default: ','.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether unquoted NULL and \N read as NULL. Default: true.</summary>
    public bool NullLiterals { get; init; } = true;

    /// <summary>
    /// The delimiter of a file, from its header line: the candidate found most often outside quotes,
    /// ties going to the earlier candidate (',' before ';' before tab before '|'); ',' when none is found
    /// (a file of one column). The header is used because column names rarely hold a delimiter, while
    /// values (a decimal comma, a free text) often do.
    /// </summary>
    public static char DetectDelimiter(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        var counts = new int[Candidates.Count];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    if (c == Candidates[i]) counts[i]++;
                }
            }
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best]) best = i;
        }
        return counts[best] > 0 ? Candidates[best] : ',';
    }
}
