package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The SDK timeouts must let an invocation finish, and fail cleanly, inside the function's timeout even when every
 * call hangs: otherwise Lambda kills the invocation mid-way and the alert is neither sent nor reported as failed.
 */
class TimeoutBudgetTest {
    /**
     * The longest path before the alert: revoke-security-group-rules describes the group, confirms the rule
     * (ModifySecurityGroupRules), revokes; then the alert is published.
     */
    private static final int SEQUENTIAL_CALLS = 4;

    /** The state table's calls around it: the claim before, "alerted" after. */
    private static final int STATE_CALLS = 2;

    @Test
    void everyCallCanTimeOut_andTheInvocationStillEndsBeforeLambdaKillsIt() {
        Duration worstCase = AwsClients.CALL_TIMEOUT.multipliedBy(SEQUENTIAL_CALLS)
                .plus(AwsClients.STATE_CALL_TIMEOUT.multipliedBy(STATE_CALLS));
        assertTrue(worstCase.compareTo(AwsClients.FUNCTION_TIMEOUT) < 0,
                worstCase + " of calls does not fit in " + AwsClients.FUNCTION_TIMEOUT);
    }

    @Test
    void anAttemptIsShorterThanTheCall_soARetryCanHappen() {
        assertTrue(AwsClients.ATTEMPT_TIMEOUT.multipliedBy(2).compareTo(AwsClients.CALL_TIMEOUT) <= 0);
    }

    @Test
    void theSocketWaitsNoLongerThanAnAttempt() {
        assertTrue(AwsClients.CONNECT_TIMEOUT.compareTo(AwsClients.ATTEMPT_TIMEOUT) < 0);
    }

    @Test
    void theStateTableGetsItsRetryInsideItsShorterBudget() {
        assertTrue(AwsClients.STATE_ATTEMPT_TIMEOUT.multipliedBy(AwsClients.STATE_MAX_ATTEMPTS)
                .compareTo(AwsClients.STATE_CALL_TIMEOUT) <= 0);
    }
}
