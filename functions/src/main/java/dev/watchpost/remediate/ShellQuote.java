package dev.watchpost.remediate;

import java.util.regex.Pattern;

/** Quotes a value for a POSIX shell so an undo command can be pasted as is, whatever the value holds. */
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
