package dev.watchpost.detect.access;

import java.util.Locale;

/**
 * A loose reading of a Verified Access policy (Cedar) that answers one question: does some {@code permit} statement
 * apply without any condition? Cedar allows access when a permit applies and no forbid does, so an unconditioned
 * {@code permit(principal, action, resource);} lets every user the trust provider vouches for through. Not a parser:
 * comments are dropped, statements split on {@code ;}, and a permit counts as unconditioned when it has no
 * {@code when}/{@code unless} clause or only {@code when { true }}. Stateless and thread-safe.
 */
final class CedarPolicy {
    /** What CloudTrail writes in place of a value it will not log. */
    static final String REDACTED = "<sensitiveDataRemoved>";

    private CedarPolicy() {}

    static boolean hasUnconditionalPermit(String policy) {
        StringBuilder code = new StringBuilder();
        for (String line : policy.split("\n", -1)) {
            int comment = line.indexOf("//");
            code.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        for (String statement : code.toString().split(";")) {
            String text = statement.strip().replaceAll("\\s+", " ");
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("permit")) {
                continue;
            }
            if (!lower.contains("when") && !lower.contains("unless")) {
                return true;
            }
            if (lower.matches("permit ?\\(.*\\) when ?\\{ ?true ?\\}") && !lower.contains("unless")) {
                return true;
            }
        }
        return false;
    }
}
