package dev.watchpost.remediate;

/**
 * What Watchpost did about a finding; goes into every alert so responders know whether to act.
 * {@code Applied}: the change was made (or was found already made). {@code Planned}: it would be made (dry run, or
 * the offline scanner). {@code Skipped}: deliberately not made, with the reason. {@code Failed}: tried and failed.
 */
public sealed interface Outcome {
    Plan plan();

    /** A short word for metrics and filters: applied, planned, skipped, failed. */
    String kind();

    /** One line for people. */
    String summary();

    record Applied(Plan plan, String detail) implements Outcome {
        @Override
        public String kind() {
            return "applied";
        }

        @Override
        public String summary() {
            return "Applied: " + plan.description() + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** {@code note} ("" when none) says what limited the mode, e.g. an OU that could not be read. */
    record Planned(Plan plan, String note) implements Outcome {
        public Planned(Plan plan) {
            this(plan, "");
        }

        @Override
        public String kind() {
            return "planned";
        }

        @Override
        public String summary() {
            return "Planned (" + plan.mode() + "): " + plan.description() + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    record Skipped(Plan plan, String reason) implements Outcome {
        @Override
        public String kind() {
            return "skipped";
        }

        @Override
        public String summary() {
            return "Skipped: " + reason;
        }
    }

    record Failed(Plan plan, String error) implements Outcome {
        @Override
        public String kind() {
            return "failed";
        }

        @Override
        public String summary() {
            return "Failed: " + plan.description() + ": " + error;
        }
    }
}
