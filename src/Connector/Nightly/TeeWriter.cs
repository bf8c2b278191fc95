using System.Text;

namespace Sdv.Connector.Nightly;

/// <summary>Writes the run's output both to the console and to the log file, scrubbed of secrets.</summary>
internal sealed class TeeWriter(Scrubber scrubber, params TextWriter?[] writers) : TextWriter
{
    private readonly TextWriter[] _writers = writers.OfType<TextWriter>().ToArray();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        foreach (var w in _writers) w.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        var clean = scrubber.Scrub(value);
        foreach (var w in _writers) w.Write(clean);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + NewLine);

    public override void Flush()
    {
        foreach (var w in _writers) w.Flush();
    }
}
