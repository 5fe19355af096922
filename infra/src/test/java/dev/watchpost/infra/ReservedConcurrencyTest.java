package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code reservedConcurrency}: what each function reserves by default, with a value, and with 0 (for accounts whose
 * concurrency quota is too low to reserve anything, where a reservation would fail the deployment).
 */
final class ReservedConcurrencyTest {
    private static final String SLACK_SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:wp-slack-AbCdEf";

    @Test
    void reservesTenPerDetectionFunction_andFiveForSlack_byDefault() {
        Synthesized stack = Synthesized.synthesize("reserved-default",
                Map.of(AlertChannels.SLACK_WEBHOOK_SECRET_ARN, SLACK_SECRET));

        assertEquals(List.of("10", "10", "10", "10", "5"), reservations(stack));
    }

    @Test
    void reservesTheGivenNumber_cappedAtFiveForSlack() {
        assertEquals(List.of("3", "3", "3", "3", "3"), reservations(Synthesized.configured()));
        assertEquals(List.of("40", "40", "40", "40", "5"), reservations(Synthesized.synthesize("reserved-40",
                Map.of(AlertChannels.SLACK_WEBHOOK_SECRET_ARN, SLACK_SECRET,
                        DeploySettings.RESERVED_CONCURRENCY, 40))));
    }

    @Test
    void reservesNothing_withZero() {
        Synthesized stack = Synthesized.synthesize("reserved-none",
                Map.of(AlertChannels.SLACK_WEBHOOK_SECRET_ARN, SLACK_SECRET, DeploySettings.RESERVED_CONCURRENCY, "0"));

        List<String> reservations = reservations(stack);
        assertEquals(5, reservations.size(), "four detection functions and the Slack notifier");
        assertTrue(reservations.stream().allMatch(String::isEmpty), reservations.toString());
    }

    /** ReservedConcurrentExecutions of every function, "" where unset; detection functions first, in name order. */
    private static List<String> reservations(Synthesized stack) {
        List<Map.Entry<String, String>> functions = new ArrayList<>();
        stack.resources().properties().forEach(resource -> {
            JsonNode value = resource.getValue();
            if (value.path("Type").asText().equals("AWS::Lambda::Function")) {
                JsonNode properties = value.path("Properties");
                String handler = properties.path("Handler").asText();
                functions.add(Map.entry((handler.contains("SlackNotifier") ? "z" : "a") + handler,
                        properties.path("ReservedConcurrentExecutions").asText()));
            }
        });
        functions.sort(Map.Entry.comparingByKey());
        return functions.stream().map(Map.Entry::getValue).toList();
    }
}
