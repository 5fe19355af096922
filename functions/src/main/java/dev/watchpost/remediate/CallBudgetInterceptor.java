package dev.watchpost.remediate;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Checks every AWS call a remediation makes against its invocation's {@link CallBudget}, not only the first: one
 * remediation may make several calls (read the group, read its rules, revoke, once per rule when EC2 refuses the
 * batch; an AssumeRole for a member account), each of which may take up to the SDK's call timeout. The
 * {@link Remediator} binds the budget for the time of one remediation ({@link #within}); installed on the clients a
 * remediation uses, this interceptor refuses to start a call the budget cannot cover, with the budget's reason, and
 * the remediation reports the refused call as it reports any failed one. Outside a remediation it does nothing.
 * Thread-safe: the budget is bound to the thread that runs the remediation.
 */
public final class CallBudgetInterceptor implements ExecutionInterceptor {
    /** Starts the message of a call refused for want of time. */
    public static final String NOT_STARTED = "call not started: ";

    private static final ScopedValue<CallBudget> BUDGET = ScopedValue.newInstance();

    /** Runs {@code work} with every call it makes on an intercepted client checked against {@code budget}. */
    static <T> T within(CallBudget budget, Supplier<T> work) {
        return ScopedValue.where(BUDGET, budget).call(work::get);
    }

    /** Whether {@code e} is a call this interceptor did not start, rather than one AWS or the network failed. */
    static boolean notStarted(SdkException e) {
        return e instanceof SdkClientException && e.getMessage() != null && e.getMessage().startsWith(NOT_STARTED);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Optional<String> shortfall = BUDGET.isBound() ? BUDGET.get().shortfall(1) : Optional.empty();
        if (shortfall.isPresent()) {
            throw SdkClientException.create(NOT_STARTED + shortfall.get());
        }
    }
}
