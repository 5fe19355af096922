package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad context value stops synthesis before any resource exists, with a message naming the context key and the bad
 * value; for a value the functions parse, also their environment variable (the message they would log at start).
 */
final class ContextValidationTest {
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            adminPorts           | abc                           | WATCHPOST_ADMIN_PORTS            | abc
            adminPorts           | 70000                         | WATCHPOST_ADMIN_PORTS            | 70000
            internetPrefixLength | 33                            | WATCHPOST_INTERNET_PREFIX_LENGTH | 33
            trustedCidrs         | 10.0.0.0/8,nope               | WATCHPOST_TRUSTED_CIDRS          | nope
            remediationModes     | network.sg-admin-port-open=ON | WATCHPOST_REMEDIATION_MODES      | =ON
            remediationModes     | network.unknown=ENFORCE       | WATCHPOST_REMEDIATION_MODES      | network.unknown
            exemptTagKey         | aws:exempt                    | WATCHPOST_EXEMPT_TAG_KEY         | aws:exempt
            namePrefix           | Watchpost_Prod                | WATCHPOST_NAME_PREFIX            | Watchpost_Prod
            namePrefix           | a-prefix-longer-than-twenty   | WATCHPOST_NAME_PREFIX            | a-prefix-longer-than-twenty
            logRetentionDays     | 42                            | -                                | 42
            tracing              | yes                           | -                                | yes
            reservedConcurrency  | -1                            | -                                | -1
            reservedConcurrency  | ten                           | -                                | ten
            reservedConcurrency  | 1001                          | -                                | 1001
            alertEmail           | secops                        | -                                | secops
            functionsJar         | /nonexistent/watchpost.jar    | -                                | /nonexistent/watchpost.jar
            slackMinSeverity     | URGENT                        | -                                | URGENT
            securityHub          | on                            | -                                | on
            chatbotSlackWorkspaceId | workspace                  | -                                | workspace
            """)
    void failsSynthesis_namingTheKeyAndTheBadValue(String key, String value, String variable, String shown) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WatchpostApp.build(Synthesized.app(Map.of(key, value))));

        String message = error.getMessage();
        assertTrue(message.startsWith("context " + key), message);
        assertTrue(message.contains(shown), message);
        assertTrue(variable == null || message.contains(variable), message);
    }

    @Test
    void neverRepeatsAWebhookUrlGivenInPlaceOfTheSecretArn() {
        String url = "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX";
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WatchpostApp.build(Synthesized.app(Map.of(AlertChannels.SLACK_WEBHOOK_SECRET_ARN, url))));

        assertTrue(error.getMessage().startsWith("context slackWebhookSecretArn"), error.getMessage());
        assertFalse(error.getMessage().contains("hooks.slack.com"), error.getMessage());
        assertFalse(error.getMessage().contains("XXXXXXXX"), error.getMessage());
    }

    @Test
    void needsBothChatbotIds() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WatchpostApp.build(Synthesized.app(Map.of(AlertChannels.CHATBOT_SLACK_WORKSPACE_ID, "T0123ABCD"))));

        assertTrue(error.getMessage().startsWith("context chatbotSlackChannelId is missing"), error.getMessage());
    }
}
