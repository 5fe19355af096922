package dev.watchpost.remediate;

import dev.watchpost.detect.Family;
import java.util.regex.Pattern;

/**
 * The names of Watchpost's roles in the member accounts of an organization deployment, in one place for the three
 * that must agree on them: infra creates the roles, the central functions assume them (one per family, holding exactly
 * that family's remediation actions), and the loop guard ignores their calls. Every role lives under the path
 * {@code /<prefix>/}, so a trust or {@code sts:AssumeRole} grant can name it exactly. Stateless.
 */
public final class MemberRoles {
    /** What an AWS account id looks like; anything else never becomes part of an ARN. */
    public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** What an AWS region name looks like ({@code us-east-1}, {@code us-gov-west-1}, {@code cn-north-1}). */
    public static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private MemberRoles() {}

    /** {@code /<prefix>/}: the IAM path of every member role. */
    public static String path(String prefix) {
        return "/" + prefix + "/";
    }

    /** {@code <prefix>-member-<family>}: the role a central family function assumes to remediate in a member. */
    public static String roleName(String prefix, Family family) {
        return prefix + "-member-" + family.id();
    }

    /** {@code <prefix>-forwarder}: the role EventBridge uses to put a member's events on the central bus. */
    public static String forwarderRoleName(String prefix) {
        return prefix + "-forwarder";
    }

    /** The exact ARN of a family's member role in {@code account}. */
    public static String roleArn(String partition, String account, String prefix, Family family) {
        return "arn:" + partition + ":iam::" + account + ":role" + path(prefix) + roleName(prefix, family);
    }

    /** The partition a region belongs to: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud, else {@code aws}. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
