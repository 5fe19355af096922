package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.watchpost.Fixtures;
import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertDeliveryException;
import dev.watchpost.alert.AlertSink;
import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.CallBudget;
import dev.watchpost.remediate.Remediator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sinks are called one after another, each taking time: the pipeline asks the budget before each, so a sink whose
 * call no longer fits is not started, and the finding fails (as when a sink fails) for Lambda to retry.
 */
class PipelineCallBudgetTest {
    private static final byte[] WORLD_SSH = Fixtures.bytes("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
    private static final Duration CALL = Duration.ofSeconds(10);

    /** What is left of the invocation; each sink's call spends {@link #CALL} of it. */
    private long remainingMillis;
    private final List<String> sent = new ArrayList<>();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    private final CallBudget budget = CallBudget.of(() -> remainingMillis, CALL, Duration.ZERO);
    private final Pipeline pipeline = new Pipeline(Detections.defaults(Fixtures.parameters()),
            Remediator.planOnly(List.of(), Map.of()), List.of(sink("topic"), sink("security hub"), sink("chatbot")),
            LoopGuard.of(Set.of()), Clock.systemUTC());

    private AlertSink sink(String name) {
        return new Sink(name);
    }

    /** A sink whose call spends {@link #CALL} of the invocation. */
    private final class Sink implements AlertSink {
        private final String name;

        Sink(String name) {
            this.name = name;
        }

        @Override
        public void send(Alert alert) {
            remainingMillis -= CALL.toMillis();
            sent.add(name);
        }
    }

    @Test
    void startsNoSinkAfterTheBudget_andCountsTheSinkLeftOut() {
        remainingMillis = CALL.multipliedBy(2).toMillis();
        assertThrows(AlertDeliveryException.class, () -> pipeline.process(WORLD_SSH, "request r-1", telemetry, budget));
        assertEquals(List.of("topic", "security hub"), sent);
        assertEquals(List.of("Sink: the invocation has 0 ms left, less than the " + CALL.toMillis() + " ms that 1 call"
                + " of up to " + CALL.toMillis() + " ms and a margin of 0 ms need"), telemetry.outOfTime);
    }

    @Test
    void aRetryWithTimeLeft_sendsOnlyToTheSinksLeftOut() {
        remainingMillis = CALL.toMillis();
        assertThrows(AlertDeliveryException.class, () -> pipeline.process(WORLD_SSH, "request r-1", telemetry, budget));
        remainingMillis = CALL.multipliedBy(5).toMillis();
        PipelineResult retry = pipeline.process(WORLD_SSH, "request r-1", telemetry, budget);
        assertEquals(1, retry.alerts().size());
        assertEquals(List.of("topic", "security hub", "chatbot"), sent);
    }
}
