using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The parallel fit suite on MariaDB (a consistent snapshot per connection, begun together).</summary>
public sealed class MariaDbParallelFitTests(MariaDbFixture source, SharedCloneSource<MariaDbFixture> shared) : ParallelFitSuite<MariaDbFixture>(source, shared);
