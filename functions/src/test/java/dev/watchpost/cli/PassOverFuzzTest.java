package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Passing over unwatched records changes nothing but the work: any bytes, read as they are, as the contents of a
 * {@code Records} array, and as the contents of an array at the root, give item for item what reading every record gives, except that an event no detection
 * watches may be {@link ReadItem#UNWATCHED}, and so may a record rejected only for what building its skipped values
 * finds: a key given twice below its top level, a string that is not valid UTF-8 or too long (the checks a
 * passed-over record skips, README "{@code watchpost scan}"; a key given twice at the top level is always reported,
 * {@code PassOverTest}). Seeds: every sample event in {@code events/} (put on the test classpath at build time, see the
 * module's pom), each then also a record among others, and one file in each shape {@code scan} reads besides (a root
 * array, lookup-events output, CloudTrail Lake results and rows) under
 * {@code src/test/resources/dev/watchpost/cli/PassOverFuzzTestInputs/}.
 */
class PassOverFuzzTest {
    private static final Detections DETECTIONS = Detections.defaults(DetectionParameters.defaults());
    private static final byte[] OPEN = "{\"Records\": [".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OPEN_ARRAY = "[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE_ARRAY = "]".getBytes(StandardCharsets.UTF_8);
    /** How Jackson words the faults that only building a skipped value finds. */
    private static final List<String> ONLY_BUILDING_FINDS = List.of("not valid JSON: Duplicate field '",
            "not valid JSON: Invalid UTF-8", "exceeds the maximum allowed");

    @FuzzTest(maxDuration = "30s")
    void anyBytes_passingOver_givesWhatReadingEverythingGives(byte[] input) {
        compare(input);
        compare(wrapped(OPEN, input, CLOSE));
        compare(wrapped(OPEN_ARRAY, input, CLOSE_ARRAY));
    }

    private static byte[] wrapped(byte[] open, byte[] input, byte[] close) {
        ByteArrayOutputStream wrapped = new ByteArrayOutputStream(input.length + 16);
        wrapped.writeBytes(open);
        wrapped.writeBytes(input);
        wrapped.writeBytes(close);
        return wrapped.toByteArray();
    }

    private static void compare(byte[] bytes) {
        List<ReadItem> everything = read(bytes, name -> true);
        List<ReadItem> passingOver = read(bytes, DETECTIONS::watchesEventName);
        assertEquals(everything.size(), passingOver.size(), "a different number of items");
        for (int i = 0; i < everything.size(); i++) {
            ReadItem all = everything.get(i);
            ReadItem some = passingOver.get(i);
            if (some == ReadItem.UNWATCHED && !(all instanceof ReadItem.Unwatched)) {
                boolean unwatched = all instanceof ReadItem.Event event
                        && !DETECTIONS.watchesEventName(event.event().eventName());
                boolean foundOnlyByBuilding = all instanceof ReadItem.Unreadable unreadable
                        && ONLY_BUILDING_FINDS.stream().anyMatch(unreadable.reason()::contains);
                if (!unwatched && !foundOnlyByBuilding) {
                    fail("item " + i + " was passed over, but reading everything gave " + all);
                }
            } else {
                assertEquals(text(all), text(some), "item " + i);
            }
        }
    }

    private static String text(ReadItem item) {
        return item instanceof ReadItem.Event event
                ? "event " + event.place() + " " + event.event().detail() : item.toString();
    }

    private static List<ReadItem> read(byte[] bytes, Predicate<String> mayWatch) {
        List<ReadItem> items = new ArrayList<>();
        RecordReader.read(new ByteArrayInputStream(bytes), mayWatch, items::add);
        return items;
    }
}
