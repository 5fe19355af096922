package dev.watchpost.sweep;

import dev.watchpost.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sweep did, over all its places. Immutable.
 *
 * @param alerts    the alerts sent: exposures found for the first time, and standing ones a remediation closed now
 * @param standing  exposures found again and already alerted (no new alert)
 * @param resolved  exposures remembered from an earlier sweep and not found this time
 * @param problems  places or steps that could not be swept or remembered, each with its reason
 * @param places    how many places were swept
 */
public record SweepReport(List<Alert> alerts, List<Exposure> standing, List<Exposure> resolved,
                          List<String> problems, int places) {
    public SweepReport {
        alerts = List.copyOf(alerts);
        standing = List.copyOf(standing);
        resolved = List.copyOf(resolved);
        problems = List.copyOf(problems);
    }

    /** This report with {@code more} problems first (those found before any place was swept). */
    public SweepReport withProblemsFirst(List<String> more) {
        List<String> all = new ArrayList<>(more);
        all.addAll(problems);
        return new SweepReport(alerts, standing, resolved, all, places);
    }

    /** One line for logs and the terminal. */
    public String line() {
        return "swept " + places + (places == 1 ? " place" : " places") + ": " + alerts.size() + " alerted, "
                + standing.size() + " still open, " + resolved.size() + " resolved, " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems");
    }
}
