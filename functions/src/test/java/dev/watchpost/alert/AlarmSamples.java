package dev.watchpost.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.event.CloudTrailEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CloudWatch alarm notifications as CloudWatch publishes them to SNS, for tests. */
public final class AlarmSamples {
    /** The sample the docs point users at: an SNS envelope as an e-mail-json, HTTPS or SQS subscriber gets it. */
    public static final Path DOCUMENTED = Path.of(System.getProperty("watchpost.docs", "../docs"),
            "samples", "alarm-notification.json");

    private AlarmSamples() {}

    /** The message of an alarm going from {@code oldState} to {@code newState}, with the given description. */
    public static String message(String name, String oldState, String newState, String description) {
        return """
                {"AlarmName":%s,"AlarmDescription":%s,"AWSAccountId":"123456789012",\
                "NewStateValue":%s,"NewStateReason":"Threshold Crossed: 1 out of the last 1 datapoints [1.0 \
                (02/11/26 10:15:00)] was greater than or equal to the threshold (1.0).",\
                "StateChangeTime":"2026-11-02T10:20:31.417+0000","Region":"US East (N. Virginia)",\
                "AlarmArn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:%s","OldStateValue":%s,\
                "Trigger":{"MetricName":"DetectionErrors","Namespace":"Watchpost",\
                "Dimensions":[{"value":"watchpost-audit","name":"Function"}],"Period":300,"Threshold":1.0}}"""
                .formatted(quote(name), quote(description), quote(newState), name, quote(oldState));
    }

    /** The documented sample's message (the alarm notification inside the SNS envelope). */
    public static JsonNode documentedMessage() {
        try {
            JsonNode envelope = CloudTrailEvent.mapper().readTree(Files.readAllBytes(DOCUMENTED));
            return CloudTrailEvent.mapper().readTree(envelope.path("Message").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return CloudTrailEvent.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String value) {
        return CloudTrailEvent.mapper().getNodeFactory().textNode(value).toString();
    }
}
