package dev.watchpost.remediate;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Whether an invocation still has time to start AWS calls. In Lambda, what is left of the function's timeout is
 * known ({@code Context.getRemainingTimeInMillis()}) and each call may take up to the SDK's call timeout: a call
 * started without that much time left can be cut off by Lambda mid-way, with neither its result nor the alert. So the
 * pipeline and the remediator ask before each call they start (a remediation, each alert sink) and leave out, and
 * report, what no longer fits. Thread-safe when the remaining-time source is.
 */
@FunctionalInterface
public interface CallBudget {
    /** No limit: the offline scanner, SnapStart priming, and tests that are not about time. */
    CallBudget UNLIMITED = calls -> Optional.empty();

    /**
     * Empty when {@code calls} more calls still fit in the time left; otherwise why not, in words for the alert and
     * the log.
     */
    Optional<String> shortfall(int calls);

    /**
     * The budget of one invocation: {@code calls} fit while {@code remainingMillis} covers {@code calls} times
     * {@code perCall} plus {@code margin} (what must still run after the last call: the answer, the state table's
     * last write).
     */
    static CallBudget of(LongSupplier remainingMillis, Duration perCall, Duration margin) {
        return calls -> {
            long left = remainingMillis.getAsLong();
            long needed = perCall.toMillis() * calls + margin.toMillis();
            return left >= needed ? Optional.empty()
                    : Optional.of("the invocation has " + left + " ms left, less than the " + needed + " ms that "
                    + calls + (calls == 1 ? " call" : " calls") + " of up to " + perCall.toMillis()
                    + " ms and a margin of " + margin.toMillis() + " ms need");
        };
    }
}
