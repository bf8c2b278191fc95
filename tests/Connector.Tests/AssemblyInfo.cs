namespace Sdv.Connector.Tests;
