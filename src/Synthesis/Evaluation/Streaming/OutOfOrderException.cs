namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>A source's value stream was not in the canonical order (a collation, a SQLite column holding mixed kinds): the merge starts again in memory.</summary>
internal sealed class OutOfOrderException : Exception
{
    public OutOfOrderException()
    {
    }

    public OutOfOrderException(string message)
        : base(message)
    {
    }

    public OutOfOrderException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
