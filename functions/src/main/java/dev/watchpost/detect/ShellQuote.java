package dev.watchpost.detect;

import java.util.regex.Pattern;

/** Quotes a value for a POSIX shell so an undo or fix command can be pasted as is, whatever the value holds. Lives
 * with the detections because findings carry fix commands too; remediations use it for undo commands. Stateless. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {}

    public static String quote(String value) {
        if (value != null && SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + (value == null ? "" : value.replace("'", "'\\''")) + "'";
    }
}
