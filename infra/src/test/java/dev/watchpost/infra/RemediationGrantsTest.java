package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.RemediationInfo;
import dev.watchpost.remediate.RemediationMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** Grants come from what remediations declare, bound to the deployment, and nothing malformed gets through. */
final class RemediationGrantsTest {
    private static final Detections REGISTRY = Detections.defaults(DetectionParameters.defaults());
    private static final String NETWORK_DETECTION = "network.sg-admin-port-open";
    private static final String AUDIT_DETECTION = "audit.trail-logging-stopped";

    private static final RemediationInfo NETWORK = new RemediationInfo("close", NETWORK_DETECTION,
            List.of("ec2:RevokeSecurityGroupIngress", "ec2:DescribeSecurityGroups"), RemediationMode.ENFORCE,
            Map.of("ec2:RevokeSecurityGroupIngress",
                    List.of("arn:{partition}:ec2:{region}:{account}:security-group/*")));
    private static final RemediationInfo AUDIT = new RemediationInfo("restart", AUDIT_DETECTION,
            List.of("cloudtrail:StartLogging"), RemediationMode.ENFORCE);

    @Test
    void takesOnlyTheRemediationsOfTheFamilysDetections() {
        RemediationGrants grants = RemediationGrants.of(REGISTRY, List.of(NETWORK, AUDIT), Family.NETWORK);

        assertEquals(List.of(NETWORK), grants.remediations());
        assertEquals(new TreeSet<>(Set.of("ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupIngress")),
                grants.actions());
    }

    @Test
    void grantsUndeclaredResourcesOnStar_andDeclaredOnesOnTheirPattern() {
        RemediationGrants grants = RemediationGrants.of(REGISTRY, List.of(NETWORK), Family.NETWORK);

        assertEquals(Set.of("ec2:DescribeSecurityGroups"), grants.unscopedActions());
        assertEquals(Set.of("ec2:RevokeSecurityGroupIngress"), grants.patternScopedActions());
    }

    @Test
    void bindsPlaceholdersToTheDeploymentsPartitionRegionAndAccount() {
        Stack stack = new Stack();
        List<PolicyStatement> statements = RemediationGrants.of(REGISTRY, List.of(NETWORK), Family.NETWORK).statements();

        List<Object> resolved = statements.stream().map(statement -> stack.resolve(statement.toStatementJson())).toList();

        assertEquals(List.of(
                Map.of("Action", "ec2:DescribeSecurityGroups", "Effect", "Allow", "Resource", "*"),
                Map.of("Action", "ec2:RevokeSecurityGroupIngress", "Effect", "Allow", "Resource", Map.of("Fn::Join",
                        List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":ec2:",
                                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                                ":security-group/*"))))), resolved);
    }

    @Test
    void printsWildcardPatternsTheWayCdkNagReportsThem() {
        SortedSet<String> patterns = RemediationGrants.of(REGISTRY, List.of(NETWORK), Family.NETWORK)
                .wildcardPatternsAsNagPrintsThem();

        assertEquals(Set.of("arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:security-group/*"), patterns);
    }

    @Test
    void grantsNothing_whenNoRemediationAnswersTheFamily() {
        RemediationGrants grants = RemediationGrants.of(REGISTRY, List.of(NETWORK, AUDIT), Family.ACCESS);

        assertTrue(grants.actions().isEmpty());
        assertTrue(grants.statements().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec2:*", "*", "ec2:Revoke*", "RevokeSecurityGroupIngress"})
    void rejectsAnActionThatIsNotOneCall(String action) {
        RemediationInfo wildcard = new RemediationInfo("wide", NETWORK_DETECTION, List.of(action),
                RemediationMode.ENFORCE);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RemediationGrants.of(REGISTRY, List.of(wildcard), Family.NETWORK));
        assertTrue(error.getMessage().contains(action), error::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:{partition}:ec2:{region}:{acct}:instance/*", "arn:aws:ec2:{region}:{account}:instance/*",
            "instance/*"})
    void rejectsAResourcePatternItCannotBind(String pattern) {
        RemediationInfo odd = new RemediationInfo("odd", NETWORK_DETECTION, List.of("ec2:ModifyInstanceAttribute"),
                RemediationMode.ENFORCE, Map.of("ec2:ModifyInstanceAttribute", List.of(pattern)));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RemediationGrants.of(REGISTRY, List.of(odd), Family.NETWORK));
        assertTrue(error.getMessage().contains(pattern), error::getMessage);
    }

    @Test
    void rejectsARemediationOfAnUnknownDetection() {
        RemediationInfo orphan = new RemediationInfo("orphan", "network.gone", List.of("ec2:DescribeVpcs"),
                RemediationMode.OFF);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RemediationGrants.of(REGISTRY, List.of(orphan), Family.NETWORK));
        assertTrue(error.getMessage().contains("network.gone"), error::getMessage);
    }
}
