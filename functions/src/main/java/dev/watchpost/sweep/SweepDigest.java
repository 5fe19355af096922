package dev.watchpost.sweep;

import dev.watchpost.alert.Sanitize;
import dev.watchpost.detect.Family;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The digest of what stays open: one plain-text message per family listing each remembered exposure, where it is,
 * since when and why it is still open (exempt until…, DRY_RUN, a failed remediation), and, at the end, the accounts
 * sweeps do not cover now. Published to the alert topic with message attribute {@value #KIND_ATTRIBUTE} = {@value #KIND}, which the Slack notifier skips (it posts findings
 * only); e-mail subscribers read it as is. Every value is sanitised. Pure and thread-safe.
 */
public final class SweepDigest {
    public static final String KIND_ATTRIBUTE = "kind";
    public static final String KIND = "digest";
    /** SNS subjects must stay under 100 characters. */
    private static final int MAX_SUBJECT = 99;

    private SweepDigest() {}

    /** True for a message attribute value that marks a digest. */
    public static boolean isDigest(String kind) {
        return KIND.equals(kind);
    }

    public static String subject(Family family, List<Exposure> open) {
        String subject = "Watchpost " + family.id() + " digest: " + open.size()
                + (open.size() == 1 ? " exposure stays open" : " exposures stay open");
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }

    /**
     * The digest's text.
     *
     * @param notSwept accounts the sweeps do not cover now and why (a member role stack not deployed, a failed
     *                 discovery), one line each
     */
    public static String text(Family family, List<Exposure> open, List<String> notSwept, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append("Watchpost ").append(family.id()).append(": ").append(open.size())
                .append(open.size() == 1 ? " standing exposure" : " standing exposures")
                .append(" found by sweeps and still open.\n\n");
        for (Exposure exposure : open) {
            long days = Duration.between(exposure.firstSeen(), now).toDays();
            text.append("[").append(Sanitize.text(exposure.severity(), 16)).append("] ")
                    .append(Sanitize.text(exposure.title(), 300)).append(" (account ")
                    .append(Sanitize.text(exposure.account(), 20)).append(", ")
                    .append(Sanitize.text(exposure.region(), 30))
                    .append(")\n  open since ").append(exposure.firstSeen()).append(" (").append(days)
                    .append(days == 1 ? " day" : " days").append("), last seen ").append(exposure.lastSeen())
                    .append("\n  why still open: ").append(Sanitize.text(exposure.why(), 500)).append('\n');
        }
        if (open.isEmpty()) {
            text.append("Nothing stays open.\n");
        }
        if (!notSwept.isEmpty()) {
            text.append("\nNot swept, so not in this list:\n");
            notSwept.forEach(line -> text.append("  ").append(Sanitize.text(line, 500)).append('\n'));
        }
        return text.toString();
    }
}
