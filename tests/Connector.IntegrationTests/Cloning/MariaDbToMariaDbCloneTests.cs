using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The clone suite from MariaDb to MariaDb.</summary>
public sealed class MariaDbToMariaDbCloneTests(MariaDbFixture source, MariaDbFixture target, SharedCloneSource<MariaDbFixture> shared)
    : CloneSuite<MariaDbFixture, MariaDbFixture>(source, target, shared);
