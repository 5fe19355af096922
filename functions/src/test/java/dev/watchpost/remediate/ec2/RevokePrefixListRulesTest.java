package dev.watchpost.remediate.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.Fixtures;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.SecurityGroupAdminPortFromPrefixList;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.remediate.ExemptionWitness;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the prefix-list revoke plans and declares, without calling AWS (the calls are in its wire test). */
class RevokePrefixListRulesTest {
    private final RevokePrefixListRules revoke = new RevokePrefixListRules("watchpost:exempt", Clock.systemUTC(),
            new ExemptionWitness());

    private static Finding finding(CloudTrailEvent event) {
        return new SecurityGroupAdminPortFromPrefixList(DetectionParameters.defaults()).evaluate(event).getFirst();
    }

    @Test
    void defaultsToDryRun_andDeclaresTheReadsAndTheRevoke() {
        assertEquals(RemediationMode.DRY_RUN, revoke.info().defaultMode());
        assertEquals(SecurityGroupAdminPortFromPrefixList.ID, revoke.info().detectionId());
        assertEquals(List.of("ec2:RevokeSecurityGroupIngress", "ec2:DescribeSecurityGroups",
                "ec2:DescribeSecurityGroupRules", "ec2:GetManagedPrefixListEntries"), revoke.info().iamActions());
        assertEquals(List.of("arn:{partition}:ec2:{region}:*:prefix-list/*"),
                revoke.info().resourcesFor("ec2:GetManagedPrefixListEntries"));
        assertEquals(List.of("*"), revoke.info().resourcesFor("ec2:DescribeSecurityGroupRules"));
    }

    @Test
    void plansTheReferencingRuleId_withAQuotedUndoThatPutsTheSameRuleBack() {
        Finding finding = finding(Fixtures.event("network/AuthorizeSecurityGroupIngress.prefix-list.json"));

        Plan plan = revoke.plan(finding, RemediationMode.DRY_RUN).orElseThrow();

        assertEquals(List.of("sgr-db8559c0ac5c41cfd"), plan.targets());
        assertEquals("Revoke sgr-db8559c0ac5c41cfd from sg-ed9e3e95b541b4af5 if pl-ce620328ac5657d9c holds an "
                + "internet CIDR", plan.description());
        assertEquals("aws ec2 authorize-security-group-ingress --region us-east-1 --group-id sg-ed9e3e95b541b4af5 "
                + "--ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,PrefixListIds=[{PrefixListId="
                + "pl-ce620328ac5657d9c}]'", plan.undoCommand());
    }

    @Test
    void plansNoUndo_whenTheEventDoesNotSayTheModifiedRuleIsIngress() throws Exception {
        Finding finding = finding(CloudTrailEvent.parse("""
                {"eventName":"ModifySecurityGroupRules","eventSource":"ec2.amazonaws.com","awsRegion":"eu-west-1",
                 "requestParameters":{"ModifySecurityGroupRulesRequest":{"GroupId":"sg-0123456789abcdef0",
                  "SecurityGroupRule":{"SecurityGroupRuleId":"sgr-0123456789abcdef0","tag":1,
                   "SecurityGroupRule":{"IpProtocol":"tcp","FromPort":3389,"ToPort":3389,
                    "PrefixListId":"pl-0123456789abcdef0"}}}},
                 "responseElements":{"ModifySecurityGroupRulesResponse":{"return":true}}}
                """.getBytes(StandardCharsets.UTF_8)));

        Plan plan = revoke.plan(finding, RemediationMode.ENFORCE).orElseThrow();

        assertEquals(List.of("sgr-0123456789abcdef0"), plan.targets());
        assertEquals("", plan.undoCommand(), "an undo must not claim ingress before EC2 confirms it");
    }

    @Test
    void quotesAnUndoWhoseListIdCarriesShellSyntax() throws Exception {
        Finding finding = finding(CloudTrailEvent.parse("""
                {"eventName":"AuthorizeSecurityGroupIngress","eventSource":"ec2.amazonaws.com","awsRegion":"us-east-1",
                 "requestParameters":{"groupId":"sg-0123456789abcdef0","ipPermissions":{"items":[
                  {"ipProtocol":"tcp","fromPort":22,"toPort":22,"prefixListIds":{"items":[
                   {"prefixListId":"pl-1'; rm -rf ~; '"}]}}]}}}
                """.getBytes(StandardCharsets.UTF_8)));

        String undo = revoke.plan(finding, RemediationMode.DRY_RUN).orElseThrow().undoCommand();

        assertTrue(undo.endsWith("--ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,PrefixListIds=[{PrefixListId="
                + "pl-1'\\''; rm -rf ~; '\\''}]'"), undo);
    }
}
