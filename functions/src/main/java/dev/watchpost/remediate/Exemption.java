package dev.watchpost.remediate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value of an exemption tag: free text giving the reason, optionally with {@code until=YYYY-MM-DD} after
 * which the exemption no longer counts. An expired or unreadable date is reported, never silently honoured.
 *
 * @param reason the reason as written (without the {@code until=} part)
 * @param until  the last day the exemption holds, if given
 */
public record Exemption(String reason, Optional<LocalDate> until) {
    private static final Pattern UNTIL = Pattern.compile("(?i)\\buntil\\s*=\\s*(\\S+)");

    /** Parses a tag value; an {@code until=} that is not a date makes the whole exemption invalid. */
    public static Result parse(String value) {
        String text = value == null ? "" : value.trim();
        Matcher matcher = UNTIL.matcher(text);
        Optional<LocalDate> until = Optional.empty();
        if (matcher.find()) {
            String date = matcher.group(1).replaceAll("[;,.]+$", "");
            try {
                until = Optional.of(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                return new Result.Invalid("until=" + date + " is not a date (expected YYYY-MM-DD)");
            }
            text = (text.substring(0, matcher.start()) + text.substring(matcher.end())).replaceAll("[;,\\s]+$", "")
                    .replaceAll("^[;,\\s]+", "").trim();
        }
        return new Result.Valid(new Exemption(text.isEmpty() ? "no reason given" : text, until));
    }

    /** True on and before the {@code until} day (or always, without one). */
    public boolean isActiveOn(LocalDate today) {
        return until.map(day -> !today.isAfter(day)).orElse(true);
    }

    /** The outcome of reading a tag value. */
    public sealed interface Result {
        record Valid(Exemption exemption) implements Result {}

        record Invalid(String problem) implements Result {}
    }
}
