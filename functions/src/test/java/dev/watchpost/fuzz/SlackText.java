package dev.watchpost.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the sequences Slack acts on in text it renders: mentions that ping people ({@code <!channel>},
 * {@code <!here>}, {@code <!subteam^…>}, {@code <@U…>}), channel links ({@code <#C…>}) and links with text of the
 * sender's choosing ({@code <http…|…>}, {@code <mailto:…>}). Escaped text ({@code &lt;!channel&gt;}) shows as typed
 * and is not found. Two sequences are Watchpost's own and allowed, as long as nothing from the event broke out of
 * them: a link to the AWS console (any partition) whose address holds no space, quote, bar or angle bracket, and a
 * date ({@code <!date^1793614530^{date_short_pretty}|2026-11-02T10:15:30Z>}) whose fallback holds no angle bracket.
 * Stateless.
 */
final class SlackText {
    private static final Pattern CONSOLE_LINK = Pattern.compile(
            "<https://([a-z0-9-]+\\.)?console\\.(aws\\.amazon\\.com|amazonaws\\.cn|amazonaws-us-gov\\.com)/"
                    + "[^\\s<>|\"'`]*(\\|[^<>]*)?>");
    private static final Pattern DATE = Pattern.compile("<!date\\^\\d+\\^\\{[a-z_]+}( \\{[a-z_]+})*\\|[^<>]*>");

    private SlackText() {}

    /** Each control sequence in {@code text}, from its {@code <} to the end of the text or its {@code >}. */
    static List<String> controlSequences(String text) {
        List<String> found = new ArrayList<>();
        for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
            int end = text.indexOf('>', at);
            String sequence = text.substring(at, end < 0 ? text.length() : end + 1);
            String lower = sequence.toLowerCase(Locale.ROOT);
            boolean mention = lower.startsWith("<!") || lower.startsWith("<@") || lower.startsWith("<#");
            boolean link = lower.startsWith("<http") || lower.startsWith("<mailto:");
            if ((mention && !DATE.matcher(sequence).matches()) || (link && !isConsoleLink(sequence))) {
                found.add(sequence);
            }
        }
        return found;
    }

    private static boolean isConsoleLink(String sequence) {
        return CONSOLE_LINK.matcher(sequence).matches();
    }
}
