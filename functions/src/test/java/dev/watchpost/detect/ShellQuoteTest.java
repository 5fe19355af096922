package dev.watchpost.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Undo commands carry values from the event (group names, trail names, CIDRs, regions) into a command a person pastes
 * into a shell. The real {@code /bin/sh} must read each quoted value back as exactly one word equal to the value, so
 * nothing an attacker put in an event can run.
 */
class ShellQuoteTest {
    @ParameterizedTest
    @ValueSource(strings = {"sg-0123456789abcdef0", "0.0.0.0/0", "us-east-1", "", "it's", "a b", "$(touch /tmp/pwn)",
            "`id`", "x; rm -rf ~", "'; echo owned; '", "\"quoted\"", "back\\slash", "new\nline", "*", "~root",
            "--help", "!event", "tab\there", "unicodé ✓"})
    void theShellReadsTheValueBackExactly(String value) throws Exception {
        assertEquals(value, throughShell(ShellQuote.quote(value)));
    }

    /** What {@code sh} passes as its one argument when given {@code word}. */
    private static String throughShell(String word) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/bin/sh", "-c", "printf '%s|' " + word + " end")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        assertEquals(1, out.split("\\|", -1).length - 2, "one word expected, got " + out);
        return out.substring(0, out.indexOf('|'));
    }
}
