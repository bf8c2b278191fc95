using System.Text;
using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>
/// A writer whose lines go through a Spectre console, so that lines written by code that takes a plain writer
/// (the nightly run's log tee) scroll above a live progress view instead of through it.
/// </summary>
internal sealed class ConsoleLineWriter(IAnsiConsole console) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            foreach (var c in value)
            {
                if (c == '\n')
                {
                    console.WriteLine(_line.ToString());
                    _line.Clear();
                }
                else if (c != '\r')
                {
                    _line.Append(c);
                }
            }
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            if (_line.Length == 0) return;
            console.WriteLine(_line.ToString());
            _line.Clear();
        }
    }
}
