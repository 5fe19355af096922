package dev.watchpost.alert;

import java.util.Objects;

/**
 * The account and region an event comes from, worded once for every channel. In an organization deployment one topic
 * carries alerts from every member account and region, so each message must say where, and an undo command (whose
 * {@code --region} is in the command but whose account is not) must say where to run it. The values come from the
 * event: each is capped and sanitised here, and callers escape the words for their channel as for any event string.
 * Immutable.
 *
 * @param account the account the call was made in ("" when unknown)
 * @param region  the region the call was made in ("" when unknown)
 */
public record Where(String account, String region) {
    /** Cap for each value: longer than any real account id or region. */
    static final int MAX_VALUE = 64;

    public Where {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    public static Where of(AlertFacts facts) {
        return new Where(facts.account(), facts.region());
    }

    /** "account 111111111111, region eu-west-1", with "unknown" for what the event does not say. */
    public String words() {
        return "account " + value(account) + ", region " + value(region);
    }

    /** "111111111111/eu-west-1": for places with little room (SNS subject, notification lines). */
    public String brief() {
        return value(account) + "/" + value(region);
    }

    /**
     * The heading over an undo command: "Undo (run in account …, region …)", or "Undo, if applied (run in …)"
     * when Watchpost did not apply the change itself.
     */
    public String undoHeading(AlertFacts.Status status) {
        return (status == AlertFacts.Status.APPLIED ? "Undo" : "Undo, if applied") + " (run in " + words() + ")";
    }

    private static String value(String text) {
        String safe = Sanitize.text(text, MAX_VALUE);
        return safe.isBlank() ? "unknown" : safe;
    }
}
