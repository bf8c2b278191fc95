using Polly;
using Polly.Retry;
using Sdv.Connector.Failures;
using Sdv.Connector.Nightly.Config;

namespace Sdv.Connector.Nightly;

/// <summary>
/// The Polly pipeline of a run: exponential backoff with jitter for <see cref="TransientFaults"/>,
/// within the configuration's limits. Each retry is logged with its cause and delay.
/// </summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline Build(RetrySettings settings, Action<string> log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var builder = new ResiliencePipelineBuilder();
        if (time is not null) builder.TimeProvider = time;
        if (settings.Attempts == 0) return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFaults.IsTransient),
            MaxRetryAttempts = settings.Attempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(settings.BaseDelayMs),
            MaxDelay = TimeSpan.FromMilliseconds(Math.Max(settings.MaxDelayMs, 1)),
            OnRetry = args =>
            {
                log($"transient fault ({Pipeline.OpenDatabase.Describe(args.Outcome.Exception!)}); try {args.AttemptNumber + 2} of {settings.Attempts + 1} in {args.RetryDelay.TotalSeconds:0.0} s");
                return ValueTask.CompletedTask;
            },
        }).Build();
    }
}
