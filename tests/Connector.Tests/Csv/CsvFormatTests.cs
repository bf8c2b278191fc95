using Sdv.Connector.Csv;
using Xunit;

namespace Sdv.Connector.Tests.Csv;

public sealed class CsvFormatTests
{
    [Theory]
    [InlineData("id,name,email", ',')]
    [InlineData("id;name;email", ';')]
    [InlineData("id\tname\temail", '\t')]
    [InlineData("id|name|email", '|')]
    [InlineData("id", ',')]
    [InlineData("\"a,b\";c;d", ';')]
    [InlineData("a,b;c", ',')]
    [InlineData("a;b,c;d", ';')]
    public void Detects_the_delimiter_from_the_header_line(string header, char expected)
    {
        Assert.Equal(expected, CsvFormat.DetectDelimiter(header));
    }

    [Fact]
    public void Reads_quoted_fields_with_delimiters_quotes_and_line_breaks()
    {
        var text = "id,note\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\nlines\"\n4,plain\n";
        using var reader = new CsvReader(new StringReader(text), CsvFormat.Default);
        Assert.Equal(new[] { "id", "note" }, reader.ReadRecord());
        Assert.Equal(new[] { "1", "a, b" }, reader.ReadRecord());
        Assert.Equal(new[] { "2", "say \"hi\"" }, reader.ReadRecord());
        Assert.Equal(new[] { "3", "two\nlines" }, reader.ReadRecord());
        Assert.Equal(4, reader.RecordLine);
        Assert.Equal(new[] { "4", "plain" }, reader.ReadRecord());
        Assert.Equal(6, reader.RecordLine);
        Assert.Null(reader.ReadRecord());
    }

    [Fact]
    public void Empty_unquoted_fields_and_null_literals_are_null_and_quoted_empty_is_empty_text()
    {
        var text = "a;b;c;d;e\n;\"\";NULL;\\N;\"NULL\"\n";
        using var reader = new CsvReader(new StringReader(text), new CsvFormat { Delimiter = ';' });
        reader.ReadRecord();
        Assert.Equal(new string?[] { null, "", null, null, "NULL" }, reader.ReadRecord());

        using var literal = new CsvReader(new StringReader(text), new CsvFormat { Delimiter = ';', NullLiterals = false });
        literal.ReadRecord();
        Assert.Equal(new string?[] { null, "", "NULL", "\\N", "NULL" }, literal.ReadRecord());
    }

    [Fact]
    public void Skips_a_byte_order_mark_and_blank_lines()
    {
        var text = "\uFEFFid,name\r\n\r\n1,x\r\n\r\n";
        using var reader = new CsvReader(new StringReader(text), CsvFormat.Default);
        Assert.Equal(new[] { "id", "name" }, reader.ReadRecord());
        Assert.Equal(new[] { "1", "x" }, reader.ReadRecord());
        Assert.Null(reader.ReadRecord());
    }

    [Fact]
    public void A_blank_line_of_a_one_column_file_is_a_null()
    {
        using var reader = new CsvReader(new StringReader("v\n1\n\n3\n"), CsvFormat.Default);
        reader.ReadRecord();
        Assert.Equal(new[] { "1" }, reader.ReadRecord());
        Assert.Equal(new string?[] { null }, reader.ReadRecord());
        Assert.Equal(new[] { "3" }, reader.ReadRecord());
        Assert.Null(reader.ReadRecord());
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_opened_on()
    {
        using var reader = new CsvReader(new StringReader("a,b\n1,2\n3,\"open\nmore"), CsvFormat.Default, "t.csv");
        reader.ReadRecord();
        reader.ReadRecord();
        var e = Assert.Throws<CsvFormatException>(() => reader.ReadRecord());
        Assert.Contains("t.csv: line 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public void Writer_and_reader_round_trip_awkward_values(char delimiter)
    {
        string?[][] records =
        [
            ["id", "text"],
            ["1", "comma, inside"],
            ["2", "semi; colon"],
            ["3", "quote \" inside"],
            ["4", "line\nbreak and\r\ncrlf"],
            ["5", null],
            ["6", ""],
            ["7", "NULL"],
            ["8", "\\N"],
            ["9", "  padded  "],
            ["10", "\uFEFFbom first"],
            ["11", "ünïcødé ✓"],
        ];
        var output = new StringWriter();
        using (var writer = new CsvWriter(output, delimiter))
        {
            foreach (var record in records) writer.WriteRecord(record);
        }
        using var reader = new CsvReader(new StringReader(output.ToString()), new CsvFormat { Delimiter = delimiter });
        foreach (var record in records) Assert.Equal(record, reader.ReadRecord());
        Assert.Null(reader.ReadRecord());
    }

    [Fact]
    public void Opens_a_utf8_file_with_bom_and_crlf_and_detects_its_delimiter()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sdv-csv-test-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("id;name\r\n1;\"Zoë; the first\"\r\n2;\r\n")]);
            using var reader = CsvReader.Open(path);
            Assert.Equal(';', reader.Format.Delimiter);
            Assert.Equal(new[] { "id", "name" }, reader.ReadRecord());
            Assert.Equal(new[] { "1", "Zoë; the first" }, reader.ReadRecord());
            Assert.Equal(new string?[] { "2", null }, reader.ReadRecord());
            Assert.Null(reader.ReadRecord());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Formats_canonical_values_invariantly_and_in_iso_8601()
    {
        Assert.Null(CsvWriter.Format(null));
        Assert.Equal("true", CsvWriter.Format(true));
        Assert.Equal("-12", CsvWriter.Format(-12L));
        Assert.Equal("1234.50", CsvWriter.Format(1234.50m));
        Assert.Equal("0.1", CsvWriter.Format(0.1));
        Assert.Equal("2024-02-29", CsvWriter.Format(new DateOnly(2024, 2, 29)));
        Assert.Equal("2024-02-29T13:05:09.25", CsvWriter.Format(new DateTime(2024, 2, 29, 13, 5, 9, 250)));
        Assert.Equal("2024-02-29T11:05:09Z", CsvWriter.Format(new DateTimeOffset(2024, 2, 29, 13, 5, 9, TimeSpan.FromHours(2))));
        Assert.Equal("AQID/w==", CsvWriter.Format(new byte[] { 1, 2, 3, 255 }));
    }
}
