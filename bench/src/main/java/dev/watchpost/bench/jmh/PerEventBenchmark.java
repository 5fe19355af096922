package dev.watchpost.bench.jmh;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import dev.watchpost.pipeline.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a warm function spends per event before any remediation or alert: parse the EventBridge envelope, route it to
 * the family's detections by event name, run them. One fixture of {@code events/} per parameter value ({@code bench/run}
 * passes them all with {@code -p fixture=…}); the fixture's folder names the family. Reads the fixtures from
 * {@code -Dwatchpost.events} (default {@code events}).
 */
public class PerEventBenchmark extends AverageNanosBenchmark {
    @Param("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json")
    public String fixture;

    private byte[] bytes;
    private Detections detections;

    @Setup
    public void load() throws IOException {
        Path events = Path.of(System.getProperty("watchpost.events", "events"));
        bytes = Files.readAllBytes(events.resolve(fixture));
        Family family = Family.valueOf(fixture.substring(0, fixture.indexOf('/')).toUpperCase(Locale.ROOT));
        detections = Wiring.detectionsOf(family, Settings.defaults());
    }

    @Benchmark
    public void parseRouteDetect(Blackhole blackhole) throws MalformedEventException {
        CloudTrailEvent event = CloudTrailEvent.parse(bytes);
        for (Detection detection : detections.forEvent(event)) {
            blackhole.consume(detection.evaluate(event));
        }
    }
}
