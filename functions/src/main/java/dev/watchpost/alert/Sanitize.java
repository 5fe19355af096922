package dev.watchpost.alert;

/**
 * Makes strings from events safe to place in any message: control characters (including line breaks, which could
 * forge lines in an e-mail) become spaces, and length is capped with a visible marker. Applied to every string a
 * formatter takes from an event, since descriptions, user agents, session names and tag values are chosen by whoever
 * made the call. Stateless.
 */
public final class Sanitize {
    /** Cap for any single value taken from an event. */
    public static final int MAX_VALUE_LENGTH = 512;
    static final String TRUNCATION_MARKER = "…[truncated]";

    private Sanitize() {}

    public static String text(String value) {
        return text(value, MAX_VALUE_LENGTH);
    }

    /** Replaces control and format characters with spaces and cuts to {@code max} characters (marker included). */
    public static String text(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        value.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean unsafe = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
            out.appendCodePoint(unsafe ? ' ' : cp);
        });
        return cut(out.toString(), max);
    }

    /** Cuts to at most {@code max} characters without splitting a surrogate pair, ending with a visible marker. */
    public static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int keep = Math.max(0, max - TRUNCATION_MARKER.length());
        if (keep > 0 && Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        return value.substring(0, keep) + TRUNCATION_MARKER;
    }

    /** ASCII-only variant for SNS subjects, which reject anything else. */
    public static String ascii(String value, int max) {
        StringBuilder out = new StringBuilder();
        for (char c : text(value, Integer.MAX_VALUE).toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : c == '…' ? '.' : '?');
        }
        String ascii = out.toString();
        return ascii.length() <= max ? ascii : ascii.substring(0, max - 3) + "...";
    }
}
