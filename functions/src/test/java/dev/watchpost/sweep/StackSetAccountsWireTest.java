package dev.watchpost.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.wire.CloudFormationWire.Instance;
import dev.watchpost.wire.CloudFormationWire;
import dev.watchpost.wire.WireServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CallAs;

/**
 * The member-roles StackSet read through a real {@link CloudFormationClient} from a loopback server that answers as
 * CloudFormation does: the exact {@code ListStackInstances} request (StackSet name, {@code CallAs}), every page
 * followed by its {@code NextToken}, and which instances count as a deployed member role.
 */
class StackSetAccountsWireTest {
    private static final String STACK_SET = "watchpost-member-roles";
    @AutoClose
    private final WireServer cloudFormation = new WireServer();
    @AutoClose
    private final CloudFormationClient client = CloudFormationWire.client(cloudFormation);

    @Test
    void asksForTheStackSetsInstancesAsDelegatedAdministrator_andFollowsEveryPage() {
        cloudFormation.on("ListStackInstances",
                CloudFormationWire.instances(STACK_SET, List.of(
                        new Instance("111111111111", "eu-west-1", "CURRENT", "SUCCEEDED")), "page-2"),
                CloudFormationWire.instances(STACK_SET, List.of(
                        new Instance("222222222222", "eu-west-1", "CURRENT", "SUCCEEDED")), ""));

        StackSetAccounts.Listing listing = new StackSetAccounts(client, STACK_SET, CallAs.DELEGATED_ADMIN).list();

        assertEquals(List.of("111111111111", "222222222222"), listing.deployed());
        List<Map<String, String>> forms = cloudFormation.requests("ListStackInstances").stream()
                .map(WireServer.Request::form).toList();
        assertEquals(2, forms.size(), forms.toString());
        for (Map<String, String> form : forms) {
            assertEquals(STACK_SET, form.get("StackSetName"), form.toString());
            assertEquals("DELEGATED_ADMIN", form.get("CallAs"), form.toString());
            assertEquals("100", form.get("MaxResults"), "the largest page CloudFormation gives");
        }
        assertEquals(null, forms.get(0).get("NextToken"));
        assertEquals("page-2", forms.get(1).get("NextToken"));
    }

    @Test
    void asksAsSelf_fromTheManagementAccount() {
        cloudFormation.on("ListStackInstances", CloudFormationWire.instances(STACK_SET, List.of(), ""));

        new StackSetAccounts(client, STACK_SET, CallAs.SELF).list();

        assertEquals("SELF", cloudFormation.requests("ListStackInstances").getFirst().form().get("CallAs"));
    }

    @Test
    void countsOnlyCurrentInstances_andKeepsTheStatusOfTheOthers() {
        cloudFormation.on("ListStackInstances", CloudFormationWire.instances(STACK_SET, List.of(
                new Instance("111111111111", "eu-west-1", "CURRENT", "SUCCEEDED"),
                new Instance("222222222222", "eu-west-1", "OUTDATED", "FAILED"),
                new Instance("333333333333", "eu-west-1", "OUTDATED", "RUNNING"),
                new Instance("444444444444", "eu-west-1", "INOPERABLE", "SKIPPED_SUSPENDED_ACCOUNT"),
                new Instance("555555555555", "eu-west-1", "OUTDATED", "")), ""));

        StackSetAccounts.Listing listing = new StackSetAccounts(client, STACK_SET, CallAs.DELEGATED_ADMIN).list();

        assertEquals(List.of("111111111111"), listing.deployed());
        assertEquals(Map.of("222222222222", "OUTDATED (FAILED)", "333333333333", "OUTDATED (RUNNING)",
                "555555555555", "OUTDATED"), listing.notDeployed());
        assertEquals(List.of("444444444444"), listing.suspended());
    }

    @Test
    void countsAnAccountAsSuspended_onlyWhenEveryInstanceOfItWasSkippedForThat() {
        cloudFormation.on("ListStackInstances", CloudFormationWire.instances(STACK_SET, List.of(
                new Instance("444444444444", "eu-west-1", "OUTDATED", "SKIPPED_SUSPENDED_ACCOUNT"),
                new Instance("666666666666", "eu-west-1", "OUTDATED", "SKIPPED_SUSPENDED_ACCOUNT"),
                new Instance("666666666666", "us-east-1", "OUTDATED", "FAILED")), ""));

        StackSetAccounts.Listing listing = new StackSetAccounts(client, STACK_SET, CallAs.DELEGATED_ADMIN).list();

        assertEquals(List.of("444444444444"), listing.suspended());
        assertEquals(Map.of("666666666666", "OUTDATED (SKIPPED_SUSPENDED_ACCOUNT), OUTDATED (FAILED)"),
                listing.notDeployed());
    }
}
