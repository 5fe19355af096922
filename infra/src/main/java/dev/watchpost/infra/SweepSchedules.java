package dev.watchpost.infra;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * When the family functions are asked to sweep current state and to send the digest of what stays open, as
 * EventBridge Scheduler expressions, from the context ({@value #SWEEP_SCHEDULE}, {@value #DIGEST_SCHEDULE}). The
 * heartbeat runs on its own fixed schedule ({@link #HEARTBEAT}), so however rarely sweeps are set to run, each
 * function is invoked at least daily: a SnapStart version is never left 14 days without an invocation (Lambda would
 * mark it inactive) and a dead pipeline raises its heartbeat alarm. Immutable.
 *
 * @param sweep  the sweep's expression, default {@value #DEFAULT_SWEEP}
 * @param digest the digest's expression, default {@value #DEFAULT_DIGEST}
 */
public record SweepSchedules(String sweep, String digest) {
    public static final String SWEEP_SCHEDULE = "sweepSchedule";
    public static final String DIGEST_SCHEDULE = "sweepDigestSchedule";
    public static final String DEFAULT_SWEEP = "rate(6 hours)";
    public static final String DEFAULT_DIGEST = "rate(1 day)";
    /** Twice a day: one lost invocation does not yet leave a day without a heartbeat. */
    public static final String HEARTBEAT = "rate(12 hours)";

    /** {@code rate(N unit)} or {@code cron(…)}, as EventBridge Scheduler accepts them. */
    private static final Pattern EXPRESSION = Pattern.compile(
            "rate\\(([1-9]\\d*) (minute|minutes|hour|hours|day|days)\\)|cron\\([^()]+\\)");

    public SweepSchedules {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(digest, "digest");
    }

    static SweepSchedules defaults() {
        return new SweepSchedules(DEFAULT_SWEEP, DEFAULT_DIGEST);
    }

    static SweepSchedules fromContext(Function<String, Optional<String>> context) {
        return new SweepSchedules(expression(SWEEP_SCHEDULE, context.apply(SWEEP_SCHEDULE).orElse(DEFAULT_SWEEP)),
                expression(DIGEST_SCHEDULE, context.apply(DIGEST_SCHEDULE).orElse(DEFAULT_DIGEST)));
    }

    private static String expression(String key, String value) {
        if (!EXPRESSION.matcher(value).matches()) {
            throw new IllegalArgumentException("context " + key + "=\"" + value + "\" is invalid: expected an "
                    + "EventBridge Scheduler expression such as rate(6 hours) or cron(0 */6 * * ? *)");
        }
        return value;
    }
}
