package dev.watchpost.alert;

import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pieces of Slack mrkdwn that the Slack and AWS Chatbot messages share. Every value from an alert goes through
 * {@link Sanitize#slack}; only links Watchpost builds itself use Slack's
 * {@code <url|text>} syntax, with the text escaped. Stateless.
 */
final class SlackMarkup {
    /** Cap for one value from an event (principal ARN, user agent, a context fact). */
    static final int MAX_VALUE = 300;

    private SlackMarkup() {}

    /** How a severity shows in Slack: the emoji before the title and the colour of the attachment bar. */
    record Look(String emoji, String color) {}

    static Look look(Severity severity) {
        return switch (severity) {
            case CRITICAL -> new Look(":rotating_light:", "#B00020");
            case HIGH -> new Look(":red_circle:", "#E8590C");
            case MEDIUM -> new Look(":large_orange_circle:", "#F2C744");
            case LOW -> new Look(":large_blue_circle:", "#4A90D9");
        };
    }

    /**
     * The alert in one line, "[HIGH] title (111111111111/eu-west-1)", escaped and cut to {@code max}: Slack's
     * notification text and AWS Chatbot's summary.
     */
    static String summary(AlertFacts facts, int max) {
        return Sanitize.slack("[" + facts.severity() + "] " + facts.title() + " (" + Where.of(facts).brief() + ")",
                max);
    }

    static String value(String text) {
        return text.isEmpty() ? "unknown" : Sanitize.slack(text, MAX_VALUE);
    }

    /** "arn (AssumedRole, MFA no)", plus the AWS service that called on the principal's behalf. */
    static String principal(Principal principal) {
        String type = principal.type().isEmpty() ? "unknown type" : principal.type();
        String line = Sanitize.slack(principal.displayName(), MAX_VALUE) + " (" + Sanitize.slack(type, 64) + ", MFA "
                + (principal.mfa() ? "yes" : "no") + ")";
        if (principal.isAwsService() && !principal.invokedBy().isEmpty()) {
            line += ", via " + Sanitize.slack(principal.invokedBy(), 128);
        }
        return line;
    }

    /** The first resource with its type, and how many more there are. */
    static String resource(List<Resource> resources) {
        if (resources.isEmpty()) {
            return "none named";
        }
        Resource first = resources.getFirst();
        String more = resources.size() > 1 ? " and " + (resources.size() - 1) + " more" : "";
        return Sanitize.slack(first.id(), MAX_VALUE) + " (" + Sanitize.slack(first.type(), 64) + ")" + more;
    }

    /** The event time as a Slack date (shown in each reader's time zone), and the detection delay. */
    static String time(AlertFacts facts) {
        Optional<Instant> at = facts.eventInstant();
        String shown = at.map(instant -> "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time_secs}|"
                + instant + ">").orElse(value(facts.eventTime()));
        return shown + facts.delay().map(SlackMarkup::after).orElse("");
    }

    private static String after(Duration delay) {
        long seconds = Math.max(0, delay.toSeconds());
        return seconds < 120 ? " (seen after " + seconds + " s)" : " (seen after " + seconds / 60 + " min)";
    }

    /** What Watchpost did, one line with an emoji per outcome. */
    static String response(Optional<AlertFacts.Response> response) {
        if (response.isEmpty()) {
            return ":information_source: Alert only: this detection has no automatic remediation.";
        }
        AlertFacts.Response r = response.get();
        String description = Sanitize.slack(r.description(), 1024);
        String detail = Sanitize.slack(r.detail(), 1024);
        return switch (r.status()) {
            case APPLIED -> ":white_check_mark: *Applied:* " + description
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
            case PLANNED -> ":memo: *Planned, not applied* (" + Sanitize.slack(r.mode(), 16) + "): " + description
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
            case SKIPPED -> ":fast_forward: *Skipped:* " + (detail.isEmpty() ? description : detail);
            case FAILED -> ":x: *Failed:* " + description + ": " + (detail.isEmpty() ? "unknown error" : detail);
        };
    }

    /** "• key: value" lines for the detection's facts. */
    static String facts(Map<String, String> context) {
        StringBuilder out = new StringBuilder();
        context.forEach((key, text) -> out.append("\n• ").append(Sanitize.slack(key, 64)).append(": ")
                .append(Sanitize.slack(text, MAX_VALUE)));
        return out.toString();
    }

    /**
     * The undo command under a heading that says which account and region to run it in, in a code block that its
     * content cannot close, at most {@code max} long.
     */
    static Optional<String> undo(AlertFacts facts, int max) {
        Optional<AlertFacts.Response> response = facts.response();
        if (response.isEmpty() || response.get().undoCommand().isEmpty()) {
            return Optional.empty();
        }
        String heading = "*" + Sanitize.slack(Where.of(facts).undoHeading(response.get().status()), MAX_VALUE) + "*";
        String open = heading + "\n```";
        String close = "```";
        return Optional.of(open + Sanitize.slack(response.get().undoCommand(), max - open.length() - close.length())
                + close);
    }

    /** Numbered steps. */
    static String steps(List<String> steps) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            out.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(Sanitize.slack(steps.get(i), 600));
        }
        return out.toString();
    }

    /** A link Watchpost built: {@code <url|text>}, text escaped; empty if the URL could break out of the syntax. */
    static Optional<String> link(String url, String text) {
        if (url.indexOf('|') >= 0 || url.indexOf('>') >= 0 || url.indexOf('<') >= 0 || !url.startsWith("https://")) {
            return Optional.empty();
        }
        return Optional.of("<" + url + "|" + Sanitize.slack(text, 120) + ">");
    }

    /** Links to the first resource that has a console page and to the event in CloudTrail. */
    static List<String> links(AlertFacts facts) {
        Optional<String> resource = Optional.empty();
        for (Resource candidate : facts.resources()) {
            resource = ConsoleLinks.resource(facts.region(), facts.account(), candidate)
                    .flatMap(url -> link(url, "Open " + candidate.id() + " in the console"));
            if (resource.isPresent()) {
                break;
            }
        }
        Optional<String> event = ConsoleLinks.cloudTrailEvent(facts.region(), facts.eventId())
                .flatMap(url -> link(url, "Event in CloudTrail"));
        return Stream.of(resource, event).flatMap(Optional::stream).toList();
    }
}
