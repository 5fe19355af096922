package dev.watchpost.alert;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack incoming-webhook payload for a CloudWatch alarm state change, in Block Kit like a finding's: a header with
 * the new state and the alarm's name, fields for the state change, account, region, time and metric, the alarm's
 * description (what it means and what to do), CloudWatch's reason, a link to the alarm in the console, and a bar
 * coloured by the new state. Every value from the notification is escaped as a finding's ({@link Sanitize#slack}):
 * the alarm's own texts are Watchpost's, but the notification passes through a topic others may publish to. Pure and
 * thread-safe.
 */
public final class AlarmSlackMessage {
    static final String FIRING_COLOR = "#B00020";
    static final String RESOLVED_COLOR = "#2E7D32";
    static final String UNKNOWN_COLOR = "#9E9E9E";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AlarmSlackMessage() {}

    public static ObjectNode of(AlarmNotification alarm) {
        ObjectNode payload = MAPPER.createObjectNode();
        payload.put("text", Sanitize.slack("[" + alarm.newState() + "] " + alarm.alarmName() + " ("
                + new Where(alarm.account(), alarm.region()).brief() + ")", SlackMessage.MAX_FALLBACK_TEXT));
        ArrayNode blocks = payload.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("emoji", true).put("text", Sanitize.cutEscaped(
                emoji(alarm) + " " + Sanitize.slack(stateWord(alarm) + ": " + alarm.alarmName(), Integer.MAX_VALUE),
                SlackMessage.MAX_HEADER_TEXT, SlackMessage.HEADER_MARKER));
        blocks.add(fields(alarm));
        if (!alarm.description().isEmpty()) {
            blocks.add(section("*What it means*\n" + Sanitize.slack(alarm.description(),
                    SlackMessage.MAX_DETAILS_TEXT)));
        }
        if (!alarm.reason().isEmpty()) {
            blocks.add(section("*Reason*\n" + Sanitize.slack(alarm.reason(), SlackMessage.MAX_DETAILS_TEXT)));
        }
        ConsoleLinks.alarm(alarm.region(), alarm.alarmName())
                .flatMap(url -> SlackMarkup.link(url, "Open the alarm in the CloudWatch console"))
                .ifPresent(link -> blocks.add(section(link)));

        ObjectNode bar = payload.putArray("attachments").addObject();
        bar.put("color", color(alarm));
        ObjectNode context = bar.putArray("blocks").addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", Sanitize.cutEscaped(
                "CloudWatch alarm · " + SlackMarkup.value(alarm.alarmArn()) + " · Watchpost",
                SlackMessage.MAX_SECTION_TEXT, Sanitize.TRUNCATION_MARKER));
        return payload;
    }

    public static String json(AlarmNotification alarm) {
        return of(alarm).toString();
    }

    static String emoji(AlarmNotification alarm) {
        return switch (alarm.newState()) {
            case "ALARM" -> ":rotating_light:";
            case "OK" -> ":white_check_mark:";
            default -> ":grey_question:";
        };
    }

    /** "ALARM", "OK (resolved)", or the state as given. */
    static String stateWord(AlarmNotification alarm) {
        return "OK".equals(alarm.newState()) ? "OK (resolved)" : alarm.newState();
    }

    private static String color(AlarmNotification alarm) {
        return switch (alarm.newState()) {
            case "ALARM" -> FIRING_COLOR;
            case "OK" -> RESOLVED_COLOR;
            default -> UNKNOWN_COLOR;
        };
    }

    private static ObjectNode fields(AlarmNotification alarm) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("State", SlackMarkup.value(alarm.oldState()) + " → " + SlackMarkup.value(alarm.newState()));
        fields.put("Account", SlackMarkup.value(alarm.account()));
        fields.put("Region", SlackMarkup.value(alarm.region()) + Optional.of(alarm.regionName())
                .filter(name -> !name.isEmpty()).map(name -> " (" + Sanitize.slack(name, 64) + ")").orElse(""));
        fields.put("Time", alarm.stateChangeInstant().map(instant -> "<!date^" + instant.getEpochSecond()
                + "^{date_short_pretty} {time_secs}|" + instant + ">").orElse(SlackMarkup.value(
                alarm.stateChangeTime())));
        fields.put("Metric", SlackMarkup.value(alarm.metric()));
        ObjectNode block = MAPPER.createObjectNode().put("type", "section");
        ArrayNode array = block.putArray("fields");
        fields.forEach((name, value) -> array.addObject().put("type", "mrkdwn").put("text",
                Sanitize.cutEscaped("*" + name + "*\n" + value, SlackMessage.MAX_FIELD_TEXT,
                        Sanitize.TRUNCATION_MARKER)));
        return block;
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode block = MAPPER.createObjectNode().put("type", "section");
        block.putObject("text").put("type", "mrkdwn").put("text", Sanitize.cutEscaped(mrkdwn,
                SlackMessage.MAX_SECTION_TEXT, Sanitize.TRUNCATION_MARKER));
        return block;
    }
}
