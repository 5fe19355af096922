package dev.watchpost.fuzz;

import java.util.Optional;

/**
 * Whether a command is safe to paste into a POSIX shell when parts of it came from an event: outside single quotes
 * it may hold only the characters {@code ShellQuote} leaves bare, spaces, the {@code '\''} idiom and {@code &&}
 * between commands; inside single quotes anything but a quote; and every quote is closed. So no value can end the
 * command, start another, expand a variable or substitute a command. Stateless.
 */
final class ShellSafety {
    private static final String BARE = "_@%+=:,./-";

    private ShellSafety() {}

    /** Why {@code command} is unsafe, or empty when it is safe. */
    static Optional<String> problem(String command) {
        boolean quoted = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quoted) {
                quoted = c != '\'';
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '\\' && command.startsWith("\\'", i)) {
                i++;
            } else if (c == '&' && command.startsWith("&& ", i) && i > 0 && command.charAt(i - 1) == ' ') {
                i++;
            } else if (c != ' ' && !isBare(c)) {
                return Optional.of("unquoted " + describe(c) + " at " + i);
            }
        }
        return quoted ? Optional.of("a quote is never closed") : Optional.empty();
    }

    private static boolean isBare(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || BARE.indexOf(c) >= 0);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
