package dev.watchpost.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the sequences Slack acts on in text it renders: mentions that ping people ({@code <!channel>},
 * {@code <!here>}, {@code <!subteam^…>}, {@code <@U…>}), channel links ({@code <#C…>}) and links with text of the
 * sender's choosing ({@code <http…|…>}, {@code <mailto:…>}). Escaped text ({@code &lt;!channel&gt;}) shows as typed
 * and is not found. A link to the AWS console is Watchpost's own and allowed, as long as nothing from the event
 * broke out of it (its address holds no space, quote or angle bracket). Stateless.
 */
final class SlackText {
    private static final String CONSOLE = "https://console.aws.amazon.com/";
    private static final String REGIONAL_CONSOLE = ".console.aws.amazon.com/";

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
            if (mention || (link && !isConsoleLink(sequence))) {
                found.add(sequence);
            }
        }
        return found;
    }

    private static boolean isConsoleLink(String sequence) {
        if (!sequence.endsWith(">")) {
            return false;
        }
        int bar = sequence.indexOf('|');
        String address = sequence.substring(1, bar < 0 ? sequence.length() - 1 : bar);
        int regional = address.indexOf(REGIONAL_CONSOLE);
        boolean console = address.startsWith(CONSOLE)
                || (address.startsWith("https://") && regional > 0 && regional < address.indexOf('/', 8));
        return console && address.chars().noneMatch(c -> c <= ' ' || "<>\"'`".indexOf(c) >= 0);
    }
}
