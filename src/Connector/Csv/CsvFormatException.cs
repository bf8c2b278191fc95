namespace Sdv.Connector.Csv;

/// <summary>A CSV file that cannot be read; the message names the file and the line.</summary>
internal sealed class CsvFormatException : Exception
{
    public CsvFormatException() { }

    public CsvFormatException(string message) : base(message) { }

    public CsvFormatException(string message, Exception inner) : base(message, inner) { }
}
