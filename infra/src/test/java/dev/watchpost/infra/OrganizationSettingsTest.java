package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The organization keys are read and checked before anything is built, and a bad one is named in the error. */
final class OrganizationSettingsTest {
    @Test
    void isAbsent_inTheDefaultAccountMode() {
        assertEquals(Optional.empty(), OrganizationSettings.fromContext(key -> Optional.empty()));
    }

    @Test
    void readsAnOrganizationDeployment_withDefaults() {
        OrganizationSettings settings = OrganizationSettings.fromContext(text(Map.of(
                "deployment", "organization", "organizationId", "o-a1b2c3d4e5", "centralAccount", "111122223333",
                "homeRegion", "eu-west-1", "targetOus", "r-ab12"))).orElseThrow();

        assertEquals(List.of("r-ab12"), settings.targetOus());
        assertEquals(List.of("eu-west-1"), settings.regions());
        assertEquals(Optional.empty(), settings.externalId());
        assertEquals(OrganizationSettings.CallAs.DELEGATED_ADMIN, settings.callAs());
        assertEquals(Optional.empty(), settings.sweepDiscovery(), "no management account: sweeps list accounts");
    }

    @Test
    void discoversMemberAccountsAsDelegatedAdministrator_fromACentralAccountThatIsNotTheManagementAccount() {
        OrganizationSettings settings = OrganizationSettings.fromContext(text(with(Map.of(
                "managementAccount", "444455556666", "callAs", "SELF")))).orElseThrow();

        assertEquals(Optional.of(OrganizationSettings.CallAs.DELEGATED_ADMIN), settings.sweepDiscovery());
        assertEquals(Optional.of("arn:aws:cloudformation:eu-west-1:444455556666:stackset/wp-member-roles:*"),
                settings.memberRolesStackSetArn("aws", "wp"));
    }

    @Test
    void discoversMemberAccountsAsSelf_whenTheCentralAccountIsTheManagementAccount() {
        OrganizationSettings settings = OrganizationSettings.fromContext(text(with(Map.of(
                "managementAccount", "111122223333")))).orElseThrow();

        assertEquals(Optional.of(OrganizationSettings.CallAs.SELF), settings.sweepDiscovery());
    }

    @Test
    void alwaysCoversTheHomeRegion_first_once() {
        OrganizationSettings settings = OrganizationSettings.fromContext(text(with(Map.of(
                "regions", "us-east-1,eu-west-1,us-east-1")))).orElseThrow();

        assertEquals(List.of("eu-west-1", "us-east-1"), settings.regions());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            deployment     | organisation
            organizationId | 123456789012
            organizationId | o-short
            centralAccount | 11112222333
            homeRegion     | Europe
            targetOus      | ou-ab12-cdefgh12,123456789012
            regions        | eu-west-1,mars-north-1x
            regions        | cn-north-1
            callAs         | ADMIN
            managementAccount | 4444-5555-6666
            """)
    void fails_namingTheKeyAndTheBadValue(String key, String value) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OrganizationSettings.fromContext(text(with(Map.of(key, value)))));

        assertTrue(error.getMessage().startsWith("context " + key), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"organizationId", "centralAccount", "homeRegion", "targetOus"})
    void fails_whenARequiredKeyIsMissing(String key) {
        Map<String, String> context = new HashMap<>(with(Map.of()));
        context.remove(key);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OrganizationSettings.fromContext(text(context)));

        assertEquals("context " + key + " is missing: deployment=organization needs it", error.getMessage());
    }

    @Test
    void failsWithoutRepeatingAnInvalidExternalId() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OrganizationSettings.fromContext(text(with(Map.of("externalId", "bad id!")))));

        assertTrue(error.getMessage().startsWith("context externalId"), error.getMessage());
        assertFalse(error.getMessage().contains("bad id!"), error.getMessage());
    }

    @Test
    void refusesOrganizationKeys_inAccountMode() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OrganizationSettings.fromContext(text(Map.of("organizationId", "o-a1b2c3d4e5"))));

        assertTrue(error.getMessage().startsWith("context organizationId is set but deployment is account"),
                error.getMessage());
    }

    @Test
    void failsSynthesis_namingTheKey() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WatchpostApp.build(Synthesized.app(Map.of("deployment", "organization"))));

        assertTrue(error.getMessage().startsWith("context organizationId is missing"), error.getMessage());
    }

    /** A valid organization context with {@code changes} applied. */
    private static Map<String, String> with(Map<String, String> changes) {
        Map<String, String> context = new HashMap<>(Map.of(
                "deployment", "organization", "organizationId", "o-a1b2c3d4e5", "centralAccount", "111122223333",
                "homeRegion", "eu-west-1", "targetOus", "ou-ab12-cdefgh12"));
        context.putAll(changes);
        return context;
    }

    private static Function<String, Optional<String>> text(Map<String, String> context) {
        return key -> Optional.ofNullable(context.get(key));
    }
}
