package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link UnwatchedRecordFilter} changes nothing but the work: any bytes, read as they are, as one record (line
 * breaks made spaces) between records the filter takes out, and as what follows a record it would take out,
 * give item for item, places in the file included, what {@link RecordReader} gives without the filter. Seeds: every
 * sample event in {@code events/} (put on the test classpath at build time, see the module's pom), a root array and
 * CloudTrail Lake rows (shapes the filter must hand on untouched), and the inputs that once broke that.
 */
class UnwatchedRecordFilterFuzzTest {
    private static final Detections DETECTIONS = Detections.defaults(DetectionParameters.defaults());
    private static final byte[] UNWATCHED = ("{\"eventVersion\":\"1.08\",\"eventSource\":\"kms.amazonaws.com\","
            + "\"eventName\":\"Decrypt\",\"requestParameters\":{\"a\":[1,2.5,true,null,\"x\\\"y\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] WATCHED = ("{\"eventVersion\":\"1.08\",\"eventSource\":\"ec2.amazonaws.com\","
            + "\"eventName\":\"AuthorizeSecurityGroupIngress\",\"requestParameters\":{\"groupId\":\"sg-1\"}}")
            .getBytes(StandardCharsets.UTF_8);

    @FuzzTest(maxDuration = "30s")
    void anyBytes_throughTheFilter_giveWhatTheyGiveWithoutIt(byte[] input) {
        compare(input);
        ByteArrayOutputStream line = new ByteArrayOutputStream(input.length + 2 * UNWATCHED.length + 32);
        line.writeBytes("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
        line.writeBytes(UNWATCHED);
        line.write(',');
        for (byte b : input) {
            line.write(b == '\n' ? ' ' : b);
        }
        line.write(',');
        line.writeBytes(UNWATCHED);
        line.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        compare(line.toByteArray());
        for (byte[] record : new byte[][] {UNWATCHED, WATCHED}) { // what follows a record the filter is sure of
            compare(records(record, input));
        }
    }

    /** {@code {"Records":[} the record, then the input with its line breaks made spaces. */
    private static byte[] records(byte[] record, byte[] input) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(input.length + record.length + 16);
        line.writeBytes("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
        line.writeBytes(record);
        for (byte b : input) {
            line.write(b == '\n' ? ' ' : b);
        }
        return line.toByteArray();
    }

    private static void compare(byte[] bytes) {
        assertEquals(read(bytes, false), read(bytes, true));
    }

    private static List<String> read(byte[] bytes, boolean filter) {
        List<String> items = new ArrayList<>();
        RecordReader.read(new ByteArrayInputStream(bytes), DETECTIONS::watchesEventName,
                item -> items.add(item instanceof ReadItem.Event event
                        ? "event " + event.place() + " " + event.event().detail() : item.toString()), filter);
        return items;
    }
}
