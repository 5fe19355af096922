package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliTelemetryTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final CliTelemetry telemetry = new CliTelemetry(stream::println);

    @Test
    void printsEachProblemOnOneLine_withControlCharactersReplaced() {
        telemetry.malformed("logs/x.json: record 3", "not valid JSON: Unrecognized token 'a\u001b[31m\nb'");

        assertEquals("logs/x.json: record 3: not valid JSON: Unrecognized token 'a [31m b'\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sharesItsCounts_withTheViewsThatNameARecord() {
        telemetry.at("a.json", "line 1").ignoredOwnEvent("id-1");
        telemetry.at("b.json", "line 1").ignoredOwnEvent("id-2");
        telemetry.malformed("c.json: line 2", "no \"eventName\": not a CloudTrail record");

        assertEquals(2, telemetry.summary(0, 0).ownEventsIgnored());
        assertEquals(1, telemetry.summary(0, 0).unreadable());
    }
}
