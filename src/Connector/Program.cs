namespace Sdv.Connector; internal static class Program { public static int Main() => 0; }
