package dev.watchpost.detect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WatchpostDeployTest {
    private static final String DEPLOY = "audit/PutKeyPolicy.watchpost-deploy.json";
    private final WatchpostDeploy deploys = new WatchpostDeploy(DetectionParameters.defaults());

    private static CloudTrailEvent changed(String fixture, Consumer<ObjectNode> change) throws Exception {
        JsonNode tree = Fixtures.tree(fixture);
        change.accept((ObjectNode) tree.path("detail"));
        return CloudTrailEvent.of(tree);
    }

    private static Consumer<ObjectNode> issuer(String roleArn) {
        return detail -> ((ObjectNode) detail.path("userIdentity").path("sessionContext").path("sessionIssuer"))
                .put("arn", roleArn);
    }

    @Test
    void theCdkExecutionRoleOfTheEventsAccountDeploys() {
        assertEquals(WatchpostDeploy.Kind.WATCHPOST_DEPLOY, deploys.of(Fixtures.event(DEPLOY)));
    }

    @Test
    void theServiceManagedStackSetsRoleDeploys() {
        assertEquals(WatchpostDeploy.Kind.WATCHPOST_DEPLOY,
                deploys.of(Fixtures.event("audit/AttachRolePolicy.stackset-deploy.json")));
    }

    @Test
    void aCallNotMadeByCloudFormationIsNoDeploy() {
        assertEquals(WatchpostDeploy.Kind.NOT_CLOUDFORMATION,
                deploys.of(Fixtures.event("audit/PutKeyPolicy.alert-key.json")));
    }

    @Test
    void cloudFormationAsTheCallersOwnCredentialsIsNoDeploy() {
        assertEquals(WatchpostDeploy.Kind.OTHER_CLOUDFORMATION,
                deploys.of(Fixtures.event("audit/PutKeyPolicy.another-stack.json")));
    }

    @Test
    void anotherQualifiersExecutionRoleIsNoDeploy() throws Exception {
        CloudTrailEvent event = changed(DEPLOY,
                issuer("arn:aws:iam::123456789012:role/cdk-payments-cfn-exec-role-123456789012-us-east-1"));
        assertEquals(WatchpostDeploy.Kind.OTHER_CLOUDFORMATION, deploys.of(event));
    }

    @Test
    void theConfiguredQualifierIsTheOneThatDeploys() throws Exception {
        CloudTrailEvent event = changed(DEPLOY,
                issuer("arn:aws:iam::123456789012:role/cdk-wpost-cfn-exec-role-123456789012-us-east-1"));
        DetectionParameters own = new DetectionParameters(DetectionParameters.DEFAULT_ADMIN_PORTS, 0, List.<Cidr>of(),
                "watchpost", DetectionParameters.DEFAULT_EXEMPT_TAG_KEY, "", "wpost");
        assertEquals(WatchpostDeploy.Kind.WATCHPOST_DEPLOY, new WatchpostDeploy(own).of(event));
        assertEquals(WatchpostDeploy.Kind.OTHER_CLOUDFORMATION, new WatchpostDeploy(own).of(Fixtures.event(DEPLOY)));
    }

    @Test
    void anotherAccountsExecutionRoleIsNoDeploy() throws Exception {
        CloudTrailEvent event = changed(DEPLOY,
                issuer("arn:aws:iam::444455556666:role/cdk-hnb659fds-cfn-exec-role-444455556666-us-east-1"));
        assertEquals(WatchpostDeploy.Kind.OTHER_CLOUDFORMATION, deploys.of(event));
    }

    @Test
    void anExecutionRoleNamingAnotherAccountIsNoDeploy() throws Exception {
        CloudTrailEvent event = changed(DEPLOY,
                issuer("arn:aws:iam::123456789012:role/cdk-hnb659fds-cfn-exec-role-444455556666-us-east-1"));
        assertEquals(WatchpostDeploy.Kind.OTHER_CLOUDFORMATION, deploys.of(event));
    }
}
