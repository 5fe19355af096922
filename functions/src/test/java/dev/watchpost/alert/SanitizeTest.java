package dev.watchpost.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SanitizeTest {
    @Test
    void replacesControlAndLineBreakCharacters() {
        assertEquals("a b c d e", Sanitize.text("a\nb\rc\u0000d\u2028e"));
    }

    @Test
    void removesBidiOverrides() {
        assertFalse(Sanitize.text("evil\u202Etxt.exe").contains("\u202E"));
    }

    @Test
    void capsLengthWithAVisibleMarker() {
        String cut = Sanitize.text("x".repeat(5000), 100);
        assertEquals(100, cut.length());
        assertTrue(cut.endsWith("[truncated]"));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDD12";
        String cut = Sanitize.cut("a".repeat(86) + emoji + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 100);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.indexOf('…') - 1)));
    }

    @Test
    void asciiForSubjects() {
        String subject = Sanitize.ascii("caf\u00e9 \n ok", 99);
        assertTrue(subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f), subject);
        assertEquals(99, Sanitize.ascii("y".repeat(300), 99).length());
    }

    @Test
    void slackEscapesTheThreeCharactersSlackDecodes() {
        assertEquals("&lt;!channel&gt; &amp; &lt;@U123&gt;", Sanitize.slack("<!channel> & <@U123>", 100));
    }

    @Test
    void slackCapsLengthAfterEscaping() {
        String cut = Sanitize.slack("<".repeat(1000), 100);
        assertTrue(cut.length() <= 100, cut);
        assertTrue(cut.endsWith("[truncated]"));
    }

    @Test
    void cutNeverSplitsAnEntity() {
        for (int max = 20; max < 40; max++) {
            String cut = Sanitize.cutEscaped("abc" + "&lt;".repeat(20), max, "…");
            String kept = cut.substring(0, cut.length() - 1);
            assertTrue(kept.matches("abc(&lt;)*"), max + ": " + cut);
            assertTrue(cut.length() <= max);
        }
    }

    @Test
    void slackReplacesEveryBacktickWithAVisibleStandIn() {
        String code = Sanitize.slack("echo ```x``` `id`", 100);
        assertFalse(code.contains("`"), code);
        assertEquals("echo \u02CB\u02CB\u02CBx\u02CB\u02CB\u02CB \u02CBid\u02CB", code);
    }
}
