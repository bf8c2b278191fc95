namespace Sdv.Connector.Nightly.Staging;

/// <summary>
/// A run's exclusive hold on its target, taken before anything is read or written and kept for the
/// whole run. It lives on a handle of its own (a dedicated, unpooled connection or an open lock
/// file), so the server or the operating system releases it when the process dies; disposing it
/// releases it at once.
/// </summary>
internal interface IRunLock : IAsyncDisposable
{
}
