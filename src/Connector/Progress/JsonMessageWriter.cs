using System.Text;
using System.Text.Json.Nodes;

namespace Sdv.Connector.Progress;

/// <summary>
/// The human lines of a command under --json-progress (what it would have printed: models chosen, warnings,
/// the quality summary), each as {"event":"message","text":...}, so that every line on stdout is JSON and
/// nothing is lost. Blank lines are dropped.
/// </summary>
internal sealed class JsonMessageWriter(JsonLines lines) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n') Emit();
            else if (value != '\r') _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            foreach (var c in value)
            {
                if (c == '\n') Emit();
                else if (c != '\r') _line.Append(c);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (_gate)
        {
            if (_line.Length > 0) Emit();
        }
    }

    private void Emit()
    {
        var text = _line.ToString().TrimEnd();
        _line.Clear();
        if (text.Length > 0) lines.Write(new JsonObject { ["event"] = "message", ["text"] = text });
    }
}
