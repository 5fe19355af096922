package dev.watchpost.detect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchpostDeployTest {
    private static final String DEPLOY = "audit/PutKeyPolicy.watchpost-deploy.json";
    private final WatchpostDeploy deploys = new WatchpostDeploy(DetectionParameters.defaults());

    /** The deploy sample as if CloudFormation had called with the role {@code roleArn}. */
    private static CloudTrailEvent issuedBy(String roleArn) {
        return Fixtures.edited(DEPLOY, "/detail/userIdentity/sessionContext/sessionIssuer",
                issuer -> issuer.put("arn", roleArn));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "the CDK execution role of the account of the event deploys, " + DEPLOY + ", WATCHPOST_DEPLOY",
            "the service-managed StackSets role deploys, audit/AttachRolePolicy.stackset-deploy.json, WATCHPOST_DEPLOY",
            "a call not made by CloudFormation is no deploy, audit/PutKeyPolicy.alert-key.json, NOT_CLOUDFORMATION",
            "CloudFormation on the own credentials of the caller is no deploy, audit/PutKeyPolicy.another-stack.json, "
                    + "OTHER_CLOUDFORMATION"})
    void tellsWhoMadeTheCall(String behaviour, String fixture, WatchpostDeploy.Kind kind) {
        assertEquals(kind, deploys.of(Fixtures.event(fixture)));
    }

    @ParameterizedTest(name = "{0} is no deploy")
    @CsvSource({
            "the execution role of another qualifier, "
                    + "arn:aws:iam::123456789012:role/cdk-payments-cfn-exec-role-123456789012-us-east-1",
            "the execution role of another account, "
                    + "arn:aws:iam::444455556666:role/cdk-hnb659fds-cfn-exec-role-444455556666-us-east-1",
            "an execution role naming another account, "
                    + "arn:aws:iam::123456789012:role/cdk-hnb659fds-cfn-exec-role-444455556666-us-east-1"})
    void anotherExecutionRoleIsNoDeploy(String behaviour, String roleArn) {
        assertEquals(WatchpostDeploy.Kind.OTHER_CLOUDFORMATION, deploys.of(issuedBy(roleArn)));
    }

    @Test
    void theConfiguredQualifierIsTheOneThatDeploys() {
        CloudTrailEvent event = issuedBy(
                "arn:aws:iam::123456789012:role/cdk-wpost-cfn-exec-role-123456789012-us-east-1");
        DetectionParameters own = new DetectionParameters(DetectionParameters.DEFAULT_ADMIN_PORTS, 0, List.<Cidr>of(),
                "watchpost", DetectionParameters.DEFAULT_EXEMPT_TAG_KEY, "", "wpost");
        assertEquals(WatchpostDeploy.Kind.WATCHPOST_DEPLOY, new WatchpostDeploy(own).of(event));
        assertEquals(WatchpostDeploy.Kind.OTHER_CLOUDFORMATION, new WatchpostDeploy(own).of(Fixtures.event(DEPLOY)));
    }
}
