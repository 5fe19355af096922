package dev.watchpost.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.alert.AlarmNotification;
import dev.watchpost.alert.AlarmSlackMessage;
import dev.watchpost.alert.AlertDeliveryException;
import dev.watchpost.alert.AlertFacts;
import dev.watchpost.alert.MalformedAlertException;
import dev.watchpost.alert.SlackDelivery;
import dev.watchpost.alert.SlackMessage;
import dev.watchpost.alert.SlackWebhookClient;
import dev.watchpost.alert.SlackWebhookUrl;
import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.Settings;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.pipeline.JsonLogTelemetry;
import dev.watchpost.sweep.SweepDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lambda entry point subscribed to the alert topic and the operations topic: turns each published finding document
 * into a {@link SlackMessage}, and each CloudWatch alarm notification (recognised by its content) into an
 * {@link AlarmSlackMessage}, and posts it to the Slack webhook. A message that is neither is logged (its SNS message
 * id, never its content) and counted as {@code MalformedEvents}, then skipped: a retry cannot repair it, and failing
 * would only delay the dead-letter queue by three attempts. A delivery that
 * gives up fails the invocation, so Lambda retries it and then dead-letters it. The webhook URL is read once per
 * container from Secrets Manager. Thread-safe.
 */
public final class SlackNotifierHandler implements RequestHandler<SNSEvent, String> {
    /** The function timeout infra should give this handler: room for the five retry waits (15.5 s) and attempts. */
    public static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(40);
    /** Kept back from the remaining time, to log and return after giving up. */
    static final Duration MARGIN = Duration.ofSeconds(3);
    static final String FUNCTION = "slack";
    static final String SINK = "slack";

    private final SlackDelivery slack;
    private final Clock clock;

    public SlackNotifierHandler() {
        this(fromEnvironment(), Clock.systemUTC());
    }

    SlackNotifierHandler(SlackDelivery slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    private static SlackDelivery fromEnvironment() {
        String secretArn = Settings.fromEnvironment(System.getenv()).alerts().slackSecretArn();
        if (secretArn.isEmpty()) {
            throw new InvalidSettingException(Settings.SLACK_SECRET_ARN, "",
                    "required by the Slack notifier: the ARN of the secret holding the webhook URL");
        }
        return new SlackWebhookClient(SlackWebhookClient.defaultHttpClient(),
                new SlackWebhookUrl(new AwsClients().secretsManager(), secretArn), SlackWebhookClient.Sleeper.real(),
                Clock.systemUTC());
    }

    @Override
    public String handleRequest(SNSEvent event, Context context) {
        String name = context.getFunctionName();
        JsonLogTelemetry telemetry = new JsonLogTelemetry(context.getLogger()::log,
                name == null || name.isEmpty() ? FUNCTION : name, clock);
        Instant deadline = clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
        List<SNSEvent.SNSRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        int posted = 0;
        int malformed = 0;
        for (SNSEvent.SNSRecord record : records) {
            SNSEvent.SNS sns = record.getSNS();
            String where = "SNS message " + (sns == null ? "(none)" : sns.getMessageId());
            if (SweepDigest.isDigest(sns == null ? null : sns.getMessageAttributes() == null ? null
                    : Optional.ofNullable(sns.getMessageAttributes().get(SweepDigest.KIND_ATTRIBUTE))
                            .map(SNSEvent.MessageAttribute::getValue).orElse(null))) {
                continue; // the daily digest is for people reading e-mail, not a finding to post
            }
            Message message;
            try {
                message = read(sns);
            } catch (MalformedAlertException e) {
                telemetry.malformed(where, e.getMessage());
                malformed++;
                continue;
            }
            try {
                slack.post(message.slackJson(), deadline);
            } catch (AlertDeliveryException e) {
                telemetry.alertFailed(SINK, message.subject(), message.id(), e.getMessage());
                throw e;
            }
            telemetry.delivered(SINK, message.subject(), message.id());
            posted++;
        }
        return "{\"posted\":" + posted + ",\"malformed\":" + malformed + "}";
    }

    /**
     * A finding document or a CloudWatch alarm notification, each in its own Slack layout.
     *
     * @param subject the detection id, or the alarm name (for logs and metrics)
     * @param id      the CloudTrail event id, or the alarm's state change time
     */
    private record Message(String slackJson, String subject, String id) {
        static Message of(AlertFacts facts) {
            return new Message(SlackMessage.json(facts), facts.detection(), facts.eventId());
        }

        static Message of(AlarmNotification alarm) {
            return new Message(AlarmSlackMessage.json(alarm), "alarm " + alarm.alarmName(),
                    alarm.newState() + " at " + alarm.stateChangeTime());
        }
    }

    /** An alarm notification when the message is one (recognised by content), else a finding document. */
    private static Message read(SNSEvent.SNS sns) throws MalformedAlertException {
        if (sns == null || sns.getMessage() == null || sns.getMessage().isBlank()) {
            throw new MalformedAlertException("empty message");
        }
        JsonNode document;
        try {
            document = CloudTrailEvent.mapper().readTree(sns.getMessage());
        } catch (JacksonException e) {
            throw new MalformedAlertException("not JSON");
        }
        Optional<AlarmNotification> alarm = AlarmNotification.from(document);
        if (alarm.isPresent()) {
            return Message.of(alarm.get());
        }
        return Message.of(AlertFacts.fromDocument(document));
    }
}
