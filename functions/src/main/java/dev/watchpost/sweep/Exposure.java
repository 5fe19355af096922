package dev.watchpost.sweep;

import java.time.Instant;

/**
 * A standing exposure a sweep found and has not seen go away: what the memory keeps so a sweep alerts when it first
 * finds one, says when it is gone, and lists what stays open and why. Immutable.
 *
 * @param account    where it is
 * @param region     where it is
 * @param detection  the detection id it was found by
 * @param resource   the resource it is about (group id, trail, account setting)
 * @param severity   the finding's severity
 * @param title      the finding's title
 * @param firstSeen  when a sweep first found it
 * @param lastSeen   when a sweep last found it
 * @param why        why it is still open: the last outcome ("Planned (DRY_RUN): …", "Skipped: exempt by tag …")
 */
public record Exposure(String account, String region, String detection, String resource, String severity,
                       String title, Instant firstSeen, Instant lastSeen, String why) {
    /** How every exposure item's key starts. */
    public static final String KEY_PREFIX = "exposure#";

    /** {@code exposure#<account>#<region>#<detection>#<resource>}. */
    public String key() {
        return key(account, region, detection, resource);
    }

    public static String key(String account, String region, String detection, String resource) {
        return placePrefix(account, region) + detection + "#" + resource;
    }

    /** The prefix shared by every exposure of one account and region. */
    public static String placePrefix(String account, String region) {
        return KEY_PREFIX + account + "#" + region + "#";
    }

    /** The same exposure seen again at {@code at}, for {@code why}. */
    public Exposure seenAgain(Instant at, String nowWhy) {
        return new Exposure(account, region, detection, resource, severity, title, firstSeen, at, nowWhy);
    }
}
