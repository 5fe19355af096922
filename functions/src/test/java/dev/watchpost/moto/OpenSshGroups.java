package dev.watchpost.moto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.MemberRoles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Security groups with SSH open to the world in moto member accounts, and the CloudTrail event that opened each, for
 * tests that check whether a member account's group is remediated. Stateless.
 */
public final class OpenSshGroups {
    private static final String REGION = "us-east-1";

    /** A group with SSH open to the world in one account, and its open rule. */
    public record Opened(String account, String group, String rule) {}

    private OpenSshGroups() {}

    /** Opens SSH to the world on a new group in {@code account}, acting there through an assumed role. */
    public static Opened open(MotoServer moto, String account, AwsCredentialsProvider central) {
        try (Ec2Client ec2 = ec2(moto, account, central)) {
            String group = ec2.createSecurityGroup(r -> r.groupName("bastion").description("ssh")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            return new Opened(account, group, openRules(ec2, group).getFirst());
        }
    }

    /** Whether the group still has an inbound TCP rule. */
    public static boolean stillOpen(MotoServer moto, Opened opened, AwsCredentialsProvider central) {
        try (Ec2Client ec2 = ec2(moto, opened.account(), central)) {
            return !openRules(ec2, opened.group()).isEmpty();
        }
    }

    /** The EventBridge envelope of the call that opened the group, with a fresh event id. */
    public static byte[] event(Opened opened) {
        ObjectNode envelope = (ObjectNode) Fixtures.tree("network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json");
        envelope.put("account", opened.account());
        ObjectNode detail = (ObjectNode) envelope.get("detail");
        detail.put("recipientAccountId", opened.account()).put("eventID", UUID.randomUUID().toString());
        ((ObjectNode) detail.path("requestParameters")).put("groupId", opened.group());
        ((ObjectNode) detail.path("responseElements").path("securityGroupRuleSet").path("items").get(0))
                .put("groupId", opened.group()).put("securityGroupRuleId", opened.rule())
                .put("groupOwnerId", opened.account());
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> openRules(Ec2Client ec2, String group) {
        return ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                .securityGroupRules().stream().filter(rule -> !rule.isEgress() && rule.ipProtocol().equals("tcp"))
                .map(SecurityGroupRule::securityGroupRuleId).toList();
    }

    private static Ec2Client ec2(MotoServer moto, String account, AwsCredentialsProvider central) {
        try (StsClient sts = StsClient.builder().endpointOverride(moto.uri()).region(Region.of(REGION))
                .credentialsProvider(central).build()) {
            Credentials session = sts.assumeRole(r -> r.roleSessionName("test-setup")
                    .roleArn(MemberRoles.roleArn("aws", account, "test-admin", Family.NETWORK))).credentials();
            return Ec2Client.builder().endpointOverride(moto.uri()).region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            session.accessKeyId(), session.secretAccessKey(), session.sessionToken()))).build();
        }
    }
}
