package dev.watchpost.remediate.ec2;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DisableSerialConsoleAccessRequest;
import software.amazon.awssdk.services.ec2.model.DisableSerialConsoleAccessResponse;
import software.amazon.awssdk.services.ec2.model.EnableEbsEncryptionByDefaultRequest;
import software.amazon.awssdk.services.ec2.model.EnableEbsEncryptionByDefaultResponse;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataDefaultsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataDefaultsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;

/** An EC2 client that answers from memory and records every call; any call it does not implement throws. */
public final class FakeEc2 implements Ec2Client {
    public final List<Object> calls = new ArrayList<>();
    public final List<RevokeSecurityGroupIngressRequest> revokes = new ArrayList<>();
    private final List<Tag> tags = new ArrayList<>();
    private final List<SecurityGroupRule> rules = new ArrayList<>();
    private final Deque<Ec2Exception> revokeErrors = new ArrayDeque<>();
    private Ec2Exception describeGroupError;
    private final Deque<Ec2Exception> settingErrors = new ArrayDeque<>();
    private boolean groupExists = true;
    private boolean revokeMatchesNothing;
    private boolean everyRuleOpen;
    private String lastGroupId = "sg-0fromname0000000";

    public static Ec2Exception error(String code, int status) {
        return (Ec2Exception) Ec2Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " message").build())
                .message(code)
                .build();
    }

    public FakeEc2 tag(String key, String value) {
        tags.add(Tag.builder().key(key).value(value).build());
        return this;
    }

    /** A current tcp 22 rule. */
    public FakeEc2 rule(String ruleId, String groupId, boolean egress, String cidr) {
        return rule(ruleId, groupId, egress, "tcp", 22, 22, cidr);
    }

    /** A current rule as DescribeSecurityGroupRules answers it ({@code -1} ports for all traffic). */
    public FakeEc2 rule(String ruleId, String groupId, boolean egress, String protocol, int from, int to,
                        String cidr) {
        rules.add(SecurityGroupRule.builder().securityGroupRuleId(ruleId).groupId(groupId).isEgress(egress)
                .ipProtocol(protocol).fromPort(from).toPort(to)
                .cidrIpv4(cidr.contains(":") ? null : cidr).cidrIpv6(cidr.contains(":") ? cidr : null).build());
        return this;
    }

    /**
     * The worst case for hostile-input tests: every rule asked for by id exists, in the last group described, as an
     * ingress rule open to the internet on SSH, so any id a remediation derives from an event leads to a revoke.
     */
    public FakeEc2 everyRuleOpen() {
        everyRuleOpen = true;
        return this;
    }

    /** What a revoke by permission answers next: the permissions EC2 matched to no rule (a default VPC's success). */
    public FakeEc2 revokeMatchesNothing() {
        revokeMatchesNothing = true;
        return this;
    }

    /** A successful revoke also removes the rules it names, by id or by exact permission, like EC2. */
    private void removeRevoked(RevokeSecurityGroupIngressRequest request) {
        if (revokeMatchesNothing) {
            return;
        }
        rules.removeIf(rule -> request.securityGroupRuleIds().contains(rule.securityGroupRuleId())
                || request.ipPermissions().stream().anyMatch(p -> matches(p, rule)));
    }

    private static boolean matches(IpPermission permission, SecurityGroupRule rule) {
        boolean cidr = permission.ipRanges().stream().anyMatch(r -> r.cidrIp().equals(rule.cidrIpv4()))
                || permission.ipv6Ranges().stream().anyMatch(r -> r.cidrIpv6().equals(rule.cidrIpv6()));
        boolean all = "-1".equals(permission.ipProtocol());
        return cidr && permission.ipProtocol().equals(rule.ipProtocol()) && !Boolean.TRUE.equals(rule.isEgress())
                && (all || (permission.fromPort().equals(rule.fromPort()) && permission.toPort().equals(rule.toPort())));
    }

    /** The next revoke calls fail with these errors, in order. */
    public FakeEc2 failRevokes(Ec2Exception... errors) {
        revokeErrors.addAll(List.of(errors));
        return this;
    }

    /** The next account-setting or metadata-option calls fail with these errors, in order. */
    public FakeEc2 failSettings(Ec2Exception... errors) {
        settingErrors.addAll(List.of(errors));
        return this;
    }

    private void maybeFailSetting() {
        Ec2Exception error = settingErrors.poll();
        if (error != null) {
            throw error;
        }
    }

    @Override
    public DisableSerialConsoleAccessResponse disableSerialConsoleAccess(DisableSerialConsoleAccessRequest request) {
        calls.add(request);
        maybeFailSetting();
        return DisableSerialConsoleAccessResponse.builder().serialConsoleAccessEnabled(false).build();
    }

    @Override
    public EnableEbsEncryptionByDefaultResponse enableEbsEncryptionByDefault(EnableEbsEncryptionByDefaultRequest request) {
        calls.add(request);
        maybeFailSetting();
        return EnableEbsEncryptionByDefaultResponse.builder().ebsEncryptionByDefault(true).build();
    }

    @Override
    public ModifyInstanceMetadataOptionsResponse modifyInstanceMetadataOptions(
            ModifyInstanceMetadataOptionsRequest request) {
        calls.add(request);
        maybeFailSetting();
        return ModifyInstanceMetadataOptionsResponse.builder().instanceId(request.instanceId()).build();
    }

    @Override
    public ModifyInstanceMetadataDefaultsResponse modifyInstanceMetadataDefaults(
            ModifyInstanceMetadataDefaultsRequest request) {
        calls.add(request);
        maybeFailSetting();
        return ModifyInstanceMetadataDefaultsResponse.builder().returnValue(true).build();
    }

    public FakeEc2 failDescribeGroup(Ec2Exception error) {
        describeGroupError = error;
        return this;
    }

    public FakeEc2 groupGone() {
        groupExists = false;
        return this;
    }

    @Override
    public DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request) {
        calls.add(request);
        if (describeGroupError != null) {
            throw describeGroupError;
        }
        if (!groupExists) {
            throw error("InvalidGroup.NotFound", 400);
        }
        String id = request.groupIds().isEmpty() ? "sg-0fromname0000000" : request.groupIds().getFirst();
        lastGroupId = id;
        return DescribeSecurityGroupsResponse.builder()
                .securityGroups(SecurityGroup.builder().groupId(id).tags(tags).build())
                .build();
    }

    @Override
    public DescribeSecurityGroupRulesResponse describeSecurityGroupRules(DescribeSecurityGroupRulesRequest request) {
        calls.add(request);
        if (everyRuleOpen && !request.securityGroupRuleIds().isEmpty()) {
            return DescribeSecurityGroupRulesResponse.builder().securityGroupRules(request.securityGroupRuleIds()
                    .stream().distinct().map(id -> SecurityGroupRule.builder().securityGroupRuleId(id)
                            .groupId(lastGroupId).isEgress(false).ipProtocol("tcp").fromPort(22).toPort(22)
                            .cidrIpv4("0.0.0.0/0").build()).toList()).build();
        }
        List<String> groups = request.filters().stream().filter(f -> f.name().equals("group-id"))
                .flatMap(f -> f.values().stream()).toList();
        List<SecurityGroupRule> found = rules.stream()
                .filter(rule -> request.securityGroupRuleIds().contains(rule.securityGroupRuleId())
                        || groups.contains(rule.groupId())).toList();
        long byId = found.stream().filter(rule -> request.securityGroupRuleIds().contains(rule.securityGroupRuleId()))
                .count();
        if (byId < request.securityGroupRuleIds().stream().distinct().count()) {
            throw error("InvalidSecurityGroupRuleId.NotFound", 400);
        }
        return DescribeSecurityGroupRulesResponse.builder().securityGroupRules(found).build();
    }

    @Override
    public RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest request) {
        calls.add(request);
        revokes.add(request);
        Ec2Exception error = revokeErrors.poll();
        if (error != null) {
            throw error;
        }
        removeRevoked(request);
        RevokeSecurityGroupIngressResponse.Builder response = RevokeSecurityGroupIngressResponse.builder()
                .returnValue(true);
        if (revokeMatchesNothing && !request.ipPermissions().isEmpty()) {
            response.unknownIpPermissions(request.ipPermissions());
        }
        return response.build();
    }

    @Override
    public String serviceName() {
        return "ec2";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
