package dev.watchpost.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.wire.CloudFormationWire.Instance;
import dev.watchpost.wire.CloudFormationWire;
import dev.watchpost.wire.WireServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CallAs;

/**
 * Which places a scheduled sweep covers, with the member-roles StackSet answered by a loopback CloudFormation: a new
 * account is swept in every region, one whose member role stack is not deployed is reported and not swept, a listed
 * account is swept whatever the StackSet says, and a StackSet that cannot be read leaves the own and listed accounts
 * swept and says the rest were not discovered.
 */
class SweepCoverageTest {
    private static final String CENTRAL = "999999999999";
    private static final String LISTED = "777777777777";
    private static final String JOINED = "111111111111";
    private static final String FAILED = "222222222222";
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
    @AutoClose
    private final WireServer cloudFormation = new WireServer();
    @AutoClose
    private final CloudFormationClient client = CloudFormationWire.client(cloudFormation);

    /** The member-roles StackSet answers with one page of these instances. */
    private void theStackSetLists(Instance... instances) {
        cloudFormation.on("ListStackInstances", CloudFormationWire.instances("watchpost-member-roles",
                List.of(instances), ""));
    }

    private SweepCoverage coverage(List<String> listed) {
        return new SweepCoverage(CENTRAL, listed, REGIONS, Optional.of(new StackSetAccounts(client,
                "watchpost-member-roles", CallAs.DELEGATED_ADMIN)));
    }

    @Test
    void sweepsAnAccountTheStackSetDeployedTo_inEveryRegion() {
        theStackSetLists(new Instance(JOINED, "eu-west-1", "CURRENT", "SUCCEEDED"));

        SweepCoverage.Plan plan = coverage(List.of()).plan();

        assertEquals(List.of(new Place(CENTRAL, "eu-west-1"), new Place(CENTRAL, "us-east-1"),
                new Place(JOINED, "eu-west-1"), new Place(JOINED, "us-east-1")), plan.places());
        assertEquals(List.of(), plan.problems());
    }

    @Test
    void reportsAnAccountWhoseMemberRoleStackFailed_andDoesNotSweepIt() {
        theStackSetLists(new Instance(JOINED, "eu-west-1", "CURRENT", "SUCCEEDED"),
                new Instance(FAILED, "eu-west-1", "OUTDATED", "FAILED"));

        SweepCoverage.Plan plan = coverage(List.of()).plan();

        assertTrue(plan.places().stream().noneMatch(place -> place.account().equals(FAILED)), plan.toString());
        assertEquals(List.of(FAILED + ": not swept: member role stack OUTDATED (FAILED)"), plan.problems());
    }

    @Test
    void listsASuspendedAccountAsNotSwept_withoutCountingAProblem() {
        theStackSetLists(new Instance(JOINED, "eu-west-1", "INOPERABLE", "SKIPPED_SUSPENDED_ACCOUNT"),
                new Instance(FAILED, "eu-west-1", "OUTDATED", "FAILED"));

        SweepCoverage.Plan plan = coverage(List.of()).plan();

        assertEquals(List.of(CENTRAL, CENTRAL), plan.places().stream().map(Place::account).toList());
        assertEquals(List.of(FAILED + ": not swept: member role stack OUTDATED (FAILED)"), plan.problems());
        assertEquals(List.of(FAILED + ": not swept: member role stack OUTDATED (FAILED)",
                JOINED + ": not swept: the account is suspended"), plan.notSwept());
    }

    @Test
    void sweepsAListedAccount_whateverItsStackSays() {
        theStackSetLists(new Instance(LISTED, "eu-west-1", "OUTDATED", "RUNNING"));

        SweepCoverage.Plan plan = coverage(List.of(LISTED)).plan();

        assertEquals(List.of(CENTRAL, CENTRAL, LISTED, LISTED), plan.places().stream().map(Place::account).toList());
        assertEquals(List.of(), plan.problems());
    }

    @Test
    void whenTheStackSetCannotBeRead_sweepsTheOwnAndListedAccounts_andSaysTheOthersWereNotDiscovered() {
        cloudFormation.on("ListStackInstances", CloudFormationWire.notDelegatedAdmin());

        SweepCoverage.Plan plan = coverage(List.of(LISTED)).plan();

        assertEquals(List.of(CENTRAL, CENTRAL, LISTED, LISTED), plan.places().stream().map(Place::account).toList());
        assertEquals(1, plan.problems().size(), plan.problems().toString());
        String problem = plan.problems().getFirst();
        assertTrue(problem.startsWith("member accounts not discovered: could not list the instances of StackSet "
                + "watchpost-member-roles (CallAs DELEGATED_ADMIN): CloudFormationException: Account used is not a "
                + "delegated administrator"), problem);
        assertTrue(problem.endsWith("swept only this account and the 1 listed"), problem);
    }

    @Test
    void withoutAStackSet_sweepsTheOwnAndListedAccountsOnly() {
        SweepCoverage.Plan plan = new SweepCoverage(CENTRAL, List.of(LISTED), List.of("eu-west-1"), Optional.empty())
                .plan();

        assertEquals(List.of(new Place(CENTRAL, "eu-west-1"), new Place(LISTED, "eu-west-1")), plan.places());
        assertEquals(List.of(), cloudFormation.requests());
    }
}
