package dev.watchpost.remediate.ec2;

import java.util.regex.Pattern;

/** Quotes a value for a POSIX shell so an undo command can be pasted as is, whatever the value holds. */
final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {}

    static String quote(String value) {
        if (value != null && SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + (value == null ? "" : value.replace("'", "'\\''")) + "'";
    }
}
