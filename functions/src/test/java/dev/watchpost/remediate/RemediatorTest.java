package dev.watchpost.remediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.event.CloudTrailEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RemediatorTest {
    private static final String FIXTURE = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    private static final String OWN = "123456789012";
    private static final String MEMBER = "111111111111";

    private final Finding finding = findingOf(event -> { });
    private final List<String> asked = new ArrayList<>();
    private final Remediations.Clients clients = Remediations.Clients.of(null, null);
    /** Reaches every account and region, recording which it was asked for. */
    private final Targets anywhere = (account, region) -> {
        asked.add(account + "/" + region);
        return new Targets.Reach.Reachable(clients, "test");
    };

    /** The fixture's finding, after {@code change} to its envelope (the detail is {@code detail}). */
    private static Finding findingOf(Consumer<ObjectNode> change) {
        ObjectNode envelope = (ObjectNode) Fixtures.tree(FIXTURE);
        change.accept(envelope);
        try {
            CloudTrailEvent event = CloudTrailEvent.of(envelope);
            return new SecurityGroupAdminPortOpen(DetectionParameters.defaults()).evaluate(event).getFirst();
        } catch (dev.watchpost.event.MalformedEventException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode detail(ObjectNode envelope) {
        return (ObjectNode) envelope.get("detail");
    }

    /** Records applies and the clients they were given; answers with what it is told to. */
    private static final class Recording implements Remediation {
        final List<Plan> applied = new ArrayList<>();
        final List<Remediations.Clients> given = new ArrayList<>();
        RuntimeException failure;

        @Override
        public RemediationInfo info() {
            return new RemediationInfo("test-action", SecurityGroupAdminPortOpen.ID, List.of("ec2:Test"),
                    RemediationMode.ENFORCE);
        }

        @Override
        public Optional<Plan> plan(Finding finding, RemediationMode mode) {
            return Optional.of(new Plan("test-action", mode, List.of("sgr-1"), "do it", "undo it"));
        }

        @Override
        public Outcome apply(Plan plan, Finding finding, Remediations.Clients clients) {
            applied.add(plan);
            given.add(clients);
            if (failure != null) {
                throw failure;
            }
            return new Outcome.Applied(plan, "");
        }
    }

    @Test
    void appliesInEnforceMode_withTheClientsOfTheEventsAccountAndRegion() {
        Recording action = new Recording();
        Outcome outcome = new Remediator(List.of(action), Map.of(), anywhere).handle(finding).orElseThrow();
        assertInstanceOf(Outcome.Applied.class, outcome);
        assertEquals(List.of(clients), action.given);
        assertEquals(List.of(OWN + "/us-east-1"), asked);
    }

    @Test
    void asksForAMemberAccountAndRegion_whenTheEventIsFromThere() {
        Finding member = findingOf(envelope -> {
            envelope.put("account", MEMBER).put("region", "eu-west-1");
            detail(envelope).put("recipientAccountId", MEMBER).put("awsRegion", "eu-west-1");
        });
        new Remediator(List.of(new Recording()), Map.of(), anywhere).handle(member).orElseThrow();
        assertEquals(List.of(MEMBER + "/eu-west-1"), asked);
    }

    @Test
    void skipsAnotherAccount_withOwnAccountTargets_andNeverApplies() {
        Recording action = new Recording();
        Finding member = findingOf(envelope -> {
            envelope.put("account", MEMBER);
            detail(envelope).put("recipientAccountId", MEMBER);
        });
        Targets own = new OwnAccountTargets(OWN, (region, credentials) -> clients);
        Outcome outcome = new Remediator(List.of(action), Map.of(), own).handle(member).orElseThrow();
        String reason = assertInstanceOf(Outcome.Skipped.class, outcome).reason();
        assertTrue(reason.contains("account " + MEMBER) && reason.contains("own account " + OWN), reason);
        assertTrue(action.applied.isEmpty());
    }

    @Test
    void skipsEverything_whenItsOwnAccountIsUnknown() {
        Recording action = new Recording();
        Targets unknown = new OwnAccountTargets("", (region, credentials) -> clients);
        Outcome outcome = new Remediator(List.of(action), Map.of(), unknown).handle(finding).orElseThrow();
        assertTrue(assertInstanceOf(Outcome.Skipped.class, outcome).reason().contains("WATCHPOST_ACCOUNT_ID"));
        assertTrue(action.applied.isEmpty());
    }

    static Stream<Arguments> eventsThatNameNoPlaceToRemediate() {
        return Stream.of(
                Arguments.of(Named.<Consumer<ObjectNode>>of("the envelope and the record name different accounts",
                        envelope -> envelope.put("account", MEMBER)), "differ"),
                Arguments.of(Named.<Consumer<ObjectNode>>of("the event names no account", envelope -> {
                    envelope.remove("account");
                    detail(envelope).remove("recipientAccountId");
                }), "no account id"),
                Arguments.of(Named.<Consumer<ObjectNode>>of("the region is not a region name",
                        envelope -> detail(envelope).put("awsRegion", "us-east-1.evil.example")), "no region"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsThatNameNoPlaceToRemediate")
    void skips_withoutAskingForClients_when(Consumer<ObjectNode> change, String because) {
        Recording action = new Recording();
        Outcome outcome = new Remediator(List.of(action), Map.of(), anywhere).handle(findingOf(change)).orElseThrow();
        String reason = assertInstanceOf(Outcome.Skipped.class, outcome).reason();
        assertTrue(reason.contains(because), reason);
        assertTrue(action.applied.isEmpty());
        assertTrue(asked.isEmpty());
    }

    @Test
    void fails_whenCredentialsForTheAccountWereRefused() {
        Recording action = new Recording();
        Targets refused = (account, region) -> new Targets.Reach.Unreachable("AccessDenied for " + account, true);
        Outcome outcome = new Remediator(List.of(action), Map.of(), refused).handle(finding).orElseThrow();
        assertTrue(assertInstanceOf(Outcome.Failed.class, outcome).error().contains("AccessDenied for " + OWN));
        assertTrue(action.applied.isEmpty());
    }

    @Test
    void onlyPlansInDryRun() {
        Recording action = new Recording();
        Outcome outcome = new Remediator(List.of(action),
                Map.of(SecurityGroupAdminPortOpen.ID, RemediationMode.DRY_RUN), anywhere).handle(finding).orElseThrow();
        assertEquals(RemediationMode.DRY_RUN, assertInstanceOf(Outcome.Planned.class, outcome).plan().mode());
        assertTrue(action.applied.isEmpty());
        assertTrue(asked.isEmpty(), "a dry run asks for no credentials");
    }

    @Test
    void skipsWhenOff() {
        Recording action = new Recording();
        Outcome outcome = new Remediator(List.of(action),
                Map.of(SecurityGroupAdminPortOpen.ID, RemediationMode.OFF), anywhere).handle(finding).orElseThrow();
        assertTrue(assertInstanceOf(Outcome.Skipped.class, outcome).reason().contains("OFF"));
        assertTrue(action.applied.isEmpty());
    }

    @Test
    void neverAppliesWhenOnlyPlanning() {
        Recording action = new Recording();
        Outcome outcome = Remediator.planOnly(List.of(action), Map.of()).handle(finding).orElseThrow();
        assertEquals(RemediationMode.ENFORCE, assertInstanceOf(Outcome.Planned.class, outcome).plan().mode());
        assertTrue(action.applied.isEmpty());
    }

    @Test
    void turnsAnUnexpectedExceptionIntoFailed() {
        Recording action = new Recording();
        action.failure = new IllegalStateException("boom");
        Outcome outcome = new Remediator(List.of(action), Map.of(), anywhere).handle(finding).orElseThrow();
        assertTrue(assertInstanceOf(Outcome.Failed.class, outcome).error().contains("boom"));
    }

    @Test
    void hasNoOutcomeForADetectionWithoutRemediation() {
        assertTrue(new Remediator(List.of(), Map.of(), anywhere).handle(finding).isEmpty());
    }

    @Test
    void rejectsTwoRemediationsForOneDetection() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Remediator(List.of(new Recording(), new Recording()), Map.of(), anywhere));
        assertTrue(error.getMessage().contains(SecurityGroupAdminPortOpen.ID));
    }

    @Test
    void killSwitch_skipsEvenInEnforce_withTheSourcesReason() {
        Recording action = new Recording();
        ModeSource off = (detection, account, fallback) -> new ModeDecision.SwitchedOff(
                "remediation switched off by /watchpost/settings");
        Outcome outcome = new Remediator(List.of(action), off, anywhere).handle(finding).orElseThrow();
        assertEquals("Skipped: remediation switched off by /watchpost/settings", outcome.summary());
        assertTrue(action.applied.isEmpty());
        assertTrue(asked.isEmpty());
    }

    @Test
    void asksTheModeSourceForTheEventsAccount() {
        List<String> accounts = new ArrayList<>();
        ModeSource recording = (detection, account, fallback) -> {
            accounts.add(detection + "@" + account);
            return new ModeDecision.Use(RemediationMode.DRY_RUN);
        };
        Outcome outcome = new Remediator(List.of(new Recording()), recording, anywhere).handle(finding).orElseThrow();
        assertInstanceOf(Outcome.Planned.class, outcome);
        assertEquals(List.of(SecurityGroupAdminPortOpen.ID + "@" + OWN), accounts);
    }

    @Test
    void aCappedMode_isPlanned_andTheOutcomeSaysWhy() {
        Recording recording = new Recording();
        ModeSource capped = (detection, account, fallback) -> new ModeDecision.Use(RemediationMode.DRY_RUN,
                "not enforced: the OUs of account " + account + " could not be read");

        Outcome outcome = new Remediator(List.of(recording), capped, anywhere).handle(finding).orElseThrow();

        var planned = assertInstanceOf(Outcome.Planned.class, outcome);
        assertEquals("not enforced: the OUs of account " + OWN + " could not be read", planned.note());
        assertTrue(planned.summary().endsWith("(not enforced: the OUs of account " + OWN + " could not be read)"),
                planned.summary());
        assertEquals(List.of(), recording.applied);
    }

    @Test
    void anExemptDetection_isSkippedWithTheExemptionsReason_evenWhereTheModeWouldEnforce() {
        Recording recording = new Recording();
        ModeSource exempt = (detection, account, fallback) ->
                new ModeDecision.Exempt("exempt until 2030-01-31: CHG-42");

        Outcome outcome = new Remediator(List.of(recording), exempt, anywhere).handle(finding).orElseThrow();

        assertEquals(new Outcome.Skipped(outcome.plan(), "exempt until 2030-01-31: CHG-42"), outcome);
        assertEquals(List.of(), recording.applied);
        assertEquals(List.of(), asked, "no credentials were asked for");
    }
}
