package dev.watchpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.remediate.RemediationMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
    @Test
    void hasSensibleDefaults() {
        Settings settings = Settings.defaults();
        assertEquals(Set.of(22, 3389), settings.detection().adminPorts());
        assertEquals(0, settings.detection().internetPrefixLength());
        assertTrue(settings.detection().trustedCidrs().isEmpty());
        assertEquals("watchpost:exempt", settings.exemptTagKey());
        assertEquals("watchpost", settings.namePrefix());
        assertTrue(settings.remediationModes().isEmpty());
        assertEquals("", settings.topicArn());
    }

    @Test
    void readsEveryVariable() {
        Settings settings = Settings.fromEnvironment(Map.of(
                Settings.TOPIC_ARN, "arn:aws:sns:us-east-1:123456789012:watchpost-alerts",
                Settings.ADMIN_PORTS, "22, 3389,5985",
                Settings.INTERNET_PREFIX_LENGTH, "7",
                Settings.TRUSTED_CIDRS, "198.51.100.0/24,2001:db8::/32",
                Settings.REMEDIATION_MODES, "network.sg-admin-port-open=dry-run",
                Settings.EXEMPT_TAG_KEY, "secops:exempt",
                Settings.OWN_ROLE_ARNS, "arn:aws:iam::123456789012:role/watchpost-network-us-east-1",
                Settings.NAME_PREFIX, "wp-prod"));
        assertEquals(Set.of(22, 3389, 5985), settings.detection().adminPorts());
        assertEquals(7, settings.detection().internetPrefixLength());
        assertEquals(2, settings.detection().trustedCidrs().size());
        assertEquals(RemediationMode.DRY_RUN, settings.remediationModes().get("network.sg-admin-port-open"));
        assertEquals("secops:exempt", settings.exemptTagKey());
        assertEquals(Set.of("arn:aws:iam::123456789012:role/watchpost-network-us-east-1"), settings.ownRoleArns());
        assertEquals("wp-prod", settings.namePrefix());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "WATCHPOST_ADMIN_PORTS|22,ssh",
            "WATCHPOST_ADMIN_PORTS|70000",
            "WATCHPOST_INTERNET_PREFIX_LENGTH|33",
            "WATCHPOST_INTERNET_PREFIX_LENGTH|wide",
            "WATCHPOST_TRUSTED_CIDRS|198.51.100.0/24,office",
            "WATCHPOST_REMEDIATION_MODES|network.sg-admin-port-open=MAYBE",
            "WATCHPOST_REMEDIATION_MODES|ENFORCE",
            "WATCHPOST_EXEMPT_TAG_KEY|aws:reserved",
            "WATCHPOST_OWN_ROLE_ARNS|watchpost-network",
            "WATCHPOST_NAME_PREFIX|Watch Post",
            "WATCHPOST_TOPIC_ARN|my-topic",
            "WATCHPOST_ACCOUNT_ID|12345678901",
            "WATCHPOST_ACCOUNT_ID|arn:aws:iam::123456789012:root",
            "WATCHPOST_MEMBER_ROLES|yes",
            "WATCHPOST_EXTERNAL_ID|x",
            "WATCHPOST_EXTERNAL_ID|has space",
            "WATCHPOST_ALERT_KEY_ARN|alias/watchpost-alerts",
            "WATCHPOST_ALERT_KEY_ARN|0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "WATCHPOST_DEPLOY_QUALIFIER|has-hyphen",
            "WATCHPOST_DEPLOY_QUALIFIER|elevenchars"})
    void failsNamingTheVariable(String variable, String value) {
        InvalidSettingException error = assertThrows(InvalidSettingException.class,
                () -> Settings.fromEnvironment(Map.of(variable, value)));
        assertTrue(error.getMessage().startsWith(variable + "="), error.getMessage());
    }

    @Test
    void knowsNoAlertKeyAndCdksQualifierByDefault_andReadsBoth() {
        assertEquals("", Settings.defaults().detection().alertKeyArn());
        assertEquals("hnb659fds", Settings.defaults().detection().deployQualifier());
        String key = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        Settings settings = Settings.fromEnvironment(Map.of(Settings.ALERT_KEY_ARN, key,
                Settings.DEPLOY_QUALIFIER, "wpost"));
        assertEquals(key, settings.detection().alertKeyArn());
        assertEquals("wpost", settings.detection().deployQualifier());
    }

    @Test
    void actsNowhereByDefault_andReadsTheReachSettings() {
        assertEquals(ReachSettings.NONE, Settings.defaults().reach());
        Settings settings = Settings.fromEnvironment(Map.of(Settings.ACCOUNT_ID, "123456789012",
                Settings.MEMBER_ROLES, "TRUE", Settings.EXTERNAL_ID, "watchpost-org-7"));
        assertEquals(new ReachSettings("123456789012", true, "watchpost-org-7"), settings.reach());
    }

    @Test
    void refusesMemberRolesWithoutTheCentralAccount() {
        InvalidSettingException error = assertThrows(InvalidSettingException.class,
                () -> Settings.fromEnvironment(Map.of(Settings.MEMBER_ROLES, "true")));
        assertTrue(error.getMessage().startsWith(Settings.ACCOUNT_ID + "="), error.getMessage());
    }

    @Test
    void remembersPerContainerByDefault_andReadsTheStateTable() {
        assertEquals("", Settings.defaults().stateTable());
        assertEquals("watchpost-state",
                Settings.fromEnvironment(Map.of(Settings.STATE_TABLE, " watchpost-state ")).stateTable());
    }

    @Test
    void refusesAStateTableThatIsNotATableName() {
        InvalidSettingException error = assertThrows(InvalidSettingException.class, () -> Settings.fromEnvironment(
                Map.of(Settings.STATE_TABLE, "arn:aws:dynamodb:us-east-1:123456789012:table/watchpost-state")));
        assertTrue(error.getMessage().startsWith(Settings.STATE_TABLE + "="), error.getMessage());
    }

    @Test
    void everyOptionalAlertChannelIsOffByDefault() {
        assertEquals(AlertSettings.NONE, Settings.defaults().alerts());
    }

    @Test
    void readsTheAlertChannels() {
        AlertSettings alerts = Settings.fromEnvironment(Map.of(
                Settings.SECURITY_HUB, "TRUE",
                Settings.CHATBOT_TOPIC_ARN, "arn:aws:sns:us-east-1:123456789012:watchpost-chatbot",
                Settings.SLACK_SECRET_ARN,
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:watchpost/slack-AbCdEf")).alerts();
        assertEquals(new AlertSettings(true, "arn:aws:sns:us-east-1:123456789012:watchpost-chatbot",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:watchpost/slack-AbCdEf"), alerts);
    }

    @Test
    void rejectsASecurityHubFlagThatIsNotABoolean() {
        InvalidSettingException error = assertThrows(InvalidSettingException.class,
                () -> Settings.fromEnvironment(Map.of(Settings.SECURITY_HUB, "yes")));
        assertTrue(error.getMessage().startsWith(Settings.SECURITY_HUB), error.getMessage());
    }

    @Test
    void rejectsAChatbotTopicThatIsNotATopicArn() {
        InvalidSettingException error = assertThrows(InvalidSettingException.class,
                () -> Settings.fromEnvironment(Map.of(Settings.CHATBOT_TOPIC_ARN, "watchpost-chatbot")));
        assertTrue(error.getMessage().startsWith(Settings.CHATBOT_TOPIC_ARN), error.getMessage());
    }

    @Test
    void rejectsAWebhookUrlInPlaceOfTheSecretArn_withoutEchoingIt() {
        String url = "https://hooks.slack.com/services/T0000/B0000/XXXXSECRETXXXX";
        InvalidSettingException error = assertThrows(InvalidSettingException.class,
                () -> Settings.fromEnvironment(Map.of(Settings.SLACK_SECRET_ARN, url)));
        assertTrue(error.getMessage().startsWith(Settings.SLACK_SECRET_ARN), error.getMessage());
        assertFalse(error.getMessage().contains("XXXXSECRETXXXX"), error.getMessage());
    }
}
