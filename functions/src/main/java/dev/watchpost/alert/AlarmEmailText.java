package dev.watchpost.alert;

/**
 * A CloudWatch alarm state change as plain text, for e-mail previews and terminals: the subject CloudWatch gives its
 * own alarm e-mails ({@code ALARM: "name" in <region name>}), then the state change, where, when, the metric, the
 * alarm's description (what it means and what to do), CloudWatch's reason and the console link. The e-mail an
 * operations-topic subscriber receives is written by CloudWatch; this carries the same facts, every value sanitised
 * so none can start a line of its own. Pure and thread-safe.
 */
public final class AlarmEmailText {
    /** SNS's limit for a subject. */
    static final int MAX_SUBJECT = 100;

    private AlarmEmailText() {}

    /** {@code ALARM: "watchpost-network-errors" in US East (N. Virginia)}, ASCII, at most 100 characters. */
    public static String subject(AlarmNotification alarm) {
        String where = alarm.regionName().isEmpty() ? alarm.region() : alarm.regionName();
        return Sanitize.ascii(alarm.newState() + ": \"" + alarm.alarmName() + "\" in " + where, MAX_SUBJECT);
    }

    public static String body(AlarmNotification alarm) {
        StringBuilder text = new StringBuilder();
        text.append("CloudWatch alarm ").append(orUnknown(alarm.alarmName())).append(": ")
                .append(orUnknown(alarm.oldState())).append(" -> ").append(orUnknown(alarm.newState()))
                .append(" (").append(new Where(alarm.account(), alarm.region()).words()).append(")\n");
        text.append("When: ").append(orUnknown(alarm.stateChangeTime())).append('\n');
        text.append("Metric: ").append(orUnknown(alarm.metric())).append("\n\n");
        if (!alarm.description().isEmpty()) {
            text.append("What it means: ").append(Sanitize.text(alarm.description(), 2048)).append("\n\n");
        }
        if (!alarm.reason().isEmpty()) {
            text.append("Reason: ").append(Sanitize.text(alarm.reason(), 2048)).append("\n\n");
        }
        ConsoleLinks.alarm(alarm.region(), alarm.alarmName())
                .ifPresent(url -> text.append("Console: ").append(url).append('\n'));
        text.append("Alarm: ").append(orUnknown(alarm.alarmArn())).append('\n');
        return text.toString();
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "unknown" : Sanitize.text(value);
    }
}
