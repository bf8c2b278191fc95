namespace Sdv.Connector.IntegrationTests.BadInput;

/// <summary>One entry of the corpus: a name for the test list and the case's own setup, run and assertions.</summary>
internal sealed record BadInputCase(string Name, Func<BadInputSources, Task> Run);
