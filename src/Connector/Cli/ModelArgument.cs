using System.CommandLine;
using Sdv.Connector.Failures;
using Sdv.Connector.Synthesis;

namespace Sdv.Connector.Cli;

/// <summary>
/// <c>--model</c> on fit, clone and run: a value that is a model's name (copula, cart, arf, auto) chooses the
/// per-table model, anything else is the model file, so <c>--model cart --model shop.sdvm</c> gives both. The
/// file came first (fit, sample and run named it so before there was a choice of models) and keeps its meaning;
/// a file really called "cart" is written <c>./cart</c>. <c>--model-kind</c> says the same as a model's name.
/// </summary>
internal sealed class ModelArgument
{
    private readonly Option<string[]> _option;

    public ModelArgument(string fileDescription)
    {
        _option = new Option<string[]>("--model")
        {
            Description = $"{fileDescription} Or a per-table model: {string.Join(", ", ModelKindNames.All)} (as --model-kind); give --model twice for both.",
            Arity = ArgumentArity.OneOrMore,
        };
    }

    public void AddTo(Command command) => command.Options.Add(_option);

    /// <summary>The model kind and the file given, either null when not given; two of one kind is an error that says so.</summary>
    public (string? Kind, FileInfo? File) Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Split(result.GetValue(_option) ?? []);
    }

    private static (string? Kind, FileInfo? File) Split(IReadOnlyList<string> values)
    {
        string? kind = null;
        string? file = null;
        foreach (var value in values)
        {
            if (ModelKindNames.TryParse(value, out _))
            {
                if (kind is not null && !string.Equals(kind, value, StringComparison.OrdinalIgnoreCase))
                    throw new UserInputException($"--model {kind} and --model {value}: give one per-table model.");
                kind = value;
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                throw new UserInputException($"--model needs a model file (.sdvm) or a per-table model ({string.Join(", ", ModelKindNames.All)}).");
            }
            else
            {
                if (file is not null && file != value)
                    throw new UserInputException($"--model {file} and --model {value}: give one model file.");
                file = value;
            }
        }
        return (kind, file is null ? null : new FileInfo(file));
    }
}
