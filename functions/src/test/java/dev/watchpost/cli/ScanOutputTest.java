package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a later file prints waits for the files before it; blocks are separated in output order. */
class ScanOutputTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ScanOutput output = new ScanOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);

    @Test
    void holdsALaterFilesOutput_untilTheEarlierFileIsDone() {
        output.enter(1);
        output.block("second\n");
        output.err("problem in the second file");
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        output.enter(0);
        output.block("first\n");
        output.err("problem in the first file");
        assertEquals("first\n", out.toString(StandardCharsets.UTF_8));
        output.leave(0);
        output.leave(1);

        assertEquals("first\n\nsecond\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("problem in the first file\nproblem in the second file\n".replace("\n", System.lineSeparator()),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesAFinishedLaterFile_assoonAsEveryFileBeforeItIsDone() {
        output.enter(2);
        output.out("c");
        output.leave(2);
        output.enter(1);
        output.out("b");
        output.leave(1);
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        output.enter(0);
        output.out("a");
        output.leave(0);

        assertEquals("abc", out.toString(StandardCharsets.UTF_8));
    }
}
