package dev.watchpost.remediate;

/**
 * What Watchpost did about a finding; goes into every alert so responders know whether to act.
 * {@code Applied}: the change was made (or was found already made). {@code Planned}: it would be made (dry run, or
 * the offline scanner). {@code Skipped}: deliberately not made, with the reason. {@code Failed}: tried and failed.
 */
public sealed interface Outcome {
    Plan plan();

    /** A short word for metrics and filters: applied, planned, skipped, failed. */
    default String kind() {
        return switch (this) {
            case Applied a -> "applied";
            case Planned p -> "planned";
            case Skipped s -> "skipped";
            case Failed f -> "failed";
        };
    }

    /** One line for people. */
    default String summary() {
        return switch (this) {
            case Applied(Plan plan, String detail) -> "Applied: " + plan.description() + parenthesized(detail);
            case Planned(Plan plan, String note) ->
                    "Planned (" + plan.mode() + "): " + plan.description() + parenthesized(note);
            case Skipped(Plan plan, String reason) -> "Skipped: " + reason;
            case Failed(Plan plan, String error) -> "Failed: " + plan.description() + ": " + error;
        };
    }

    private static String parenthesized(String text) {
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    record Applied(Plan plan, String detail) implements Outcome {}

    /** {@code note} ("" when none) says what limited the mode, e.g. an OU that could not be read. */
    record Planned(Plan plan, String note) implements Outcome {
        public Planned(Plan plan) {
            this(plan, "");
        }
    }

    record Skipped(Plan plan, String reason) implements Outcome {}

    record Failed(Plan plan, String error) implements Outcome {}
}
