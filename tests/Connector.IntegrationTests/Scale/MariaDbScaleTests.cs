using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Scale;

/// <summary>The scale suite into MariaDB targets.</summary>
public sealed class MariaDbScaleTests(MariaDbFixture target) : ScaleSuite<MariaDbFixture>(target);
