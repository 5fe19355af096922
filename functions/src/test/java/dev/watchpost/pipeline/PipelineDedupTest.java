package dev.watchpost.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.AlertSink;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import dev.watchpost.remediate.Remediator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The same event handled on two threads at once (a parallel scan given it in two files) is alerted once. */
class PipelineDedupTest {
    @Test
    void sendsAFindingOnce_whenASecondThreadGetsItsEventWhileTheFirstIsStillSending() throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger sends = new AtomicInteger();
        AlertSink slowFirst = (Alert alert) -> {
            if (sends.incrementAndGet() == 1) {
                await(secondDone); // the first send is still under way while the second thread runs
            }
        };
        Pipeline pipeline = new Pipeline(
                new Detections(List.of(Detections.defaults(Settings.defaults().detection()).all().getFirst())),
                Remediator.planOnly(List.of(), Map.of()), List.of(slowFirst), LoopGuard.of(Set.of()),
                Clock.systemUTC());
        CloudTrailEvent event = event("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");

        CompletableFuture<PipelineResult> first = CompletableFuture.supplyAsync(
                () -> pipeline.process(event, new RecordingTelemetry()));
        while (sends.get() == 0) {
            Thread.onSpinWait();
        }
        PipelineResult second = pipeline.process(event, new RecordingTelemetry());
        secondDone.countDown();

        assertEquals(List.of(), second.alerts());
        assertEquals(1, first.get(10, TimeUnit.SECONDS).alerts().size());
        assertEquals(1, sends.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CloudTrailEvent event(String fixture) throws IOException, MalformedEventException {
        return CloudTrailEvent.parse(Files.readAllBytes(Path.of(System.getProperty("watchpost.events"), fixture)));
    }
}
