package dev.watchpost.alert;

/**
 * Makes strings from events safe to place in any message: control characters (including line breaks, which could
 * forge lines in an e-mail) become spaces, and length is capped with a visible marker. Applied to every string a
 * formatter takes from an event, since descriptions, user agents, session names and tag values are chosen by whoever
 * made the call.
 *
 * <p>For Slack (and AWS Chatbot, which renders into Slack) {@link #slack} also escapes the three characters Slack
 * decodes ({@code &}, {@code <}, {@code >}), so {@code <!channel>}, {@code <@U123>} or {@code <https://x|click>}
 * show as text and ping or link nobody, and replaces every backtick with {@value #BACKTICK_STAND_IN} (modifier letter
 * grave accent): event text can then neither open a code block that swallows the rest of the message nor close the
 * one around an undo command, and the substitute stays visible, so a reader copying an undo command sees that it was
 * changed rather than pasting an invisible character. Stateless.
 */
public final class Sanitize {
    /** Cap for any single value taken from an event. */
    public static final int MAX_VALUE_LENGTH = 512;
    static final String TRUNCATION_MARKER = "…[truncated]";
    /** What a backtick becomes inside Slack code: looks alike, cannot close the code. */
    public static final String BACKTICK_STAND_IN = "\u02CB";

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

    /**
     * {@link #text} made inert for Slack mrkdwn, in or out of code: escaped, backticks replaced, at most {@code max}
     * characters after escaping (marker included).
     */
    public static String slack(String value, int max) {
        return cutEscaped(escapeSlack(text(value, Integer.MAX_VALUE).replace("`", BACKTICK_STAND_IN)), max,
                TRUNCATION_MARKER);
    }

    /**
     * Escapes the characters Slack decodes (backticks stay). Only for text Watchpost did not escape already: escaping
     * twice shows {@code &amp;lt;}.
     */
    public static String escapeSlack(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Cuts Slack-escaped text to at most {@code max} characters ending with {@code marker}, never inside an entity
     * ({@code &amp;}, {@code &lt;}, {@code &gt;}), a link or date ({@code <…>}: in escaped text only Watchpost's own
     * markup has angle brackets, and half of one would leave Slack an open link) or a surrogate pair.
     */
    public static String cutEscaped(String escaped, int max, String marker) {
        if (escaped.length() <= max) {
            return escaped;
        }
        int keep = Math.max(0, max - marker.length());
        if (keep > 0 && Character.isHighSurrogate(escaped.charAt(keep - 1))) {
            keep--;
        }
        int ampersand = escaped.lastIndexOf('&', keep - 1);
        if (ampersand >= 0 && escaped.indexOf(';', ampersand) >= keep) {
            keep = ampersand;
        }
        int open = escaped.lastIndexOf('<', keep - 1);
        if (open >= 0 && escaped.lastIndexOf('>', keep - 1) < open) {
            keep = open;
        }
        return escaped.substring(0, keep) + marker;
    }
}
