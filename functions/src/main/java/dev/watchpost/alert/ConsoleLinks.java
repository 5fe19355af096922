package dev.watchpost.alert;

import dev.watchpost.detect.Resource;
import dev.watchpost.event.CloudTrailEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS console addresses for a finding (the resource's page and the event in CloudTrail event history) and for an
 * alarm. Built only from a region that looks like one and URL-encoded ids, so a hostile id cannot change where a link
 * points; a resource type without a stable console page gets no link. Partition-aware (commercial, China, GovCloud). Stateless.
 */
public final class ConsoleLinks {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private ConsoleLinks() {}

    /** True for strings shaped like an AWS region ({@code us-east-1}, {@code cn-north-1}, …). */
    public static boolean isRegion(String region) {
        return region != null && REGION.matcher(region).matches();
    }

    /** The partition of a region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** The event's page in CloudTrail event history. */
    public static Optional<String> cloudTrailEvent(String region, String eventId) {
        if (!isRegion(region) || eventId.isEmpty() || eventId.startsWith(CloudTrailEvent.SWEEP_EVENT_ID_PREFIX)) {
            return Optional.empty(); // a sweep's record is not in CloudTrail
        }
        return Optional.of(base(region, "cloudtrailv2/home") + "#/events/" + encode(eventId));
    }

    /** The alarm's page in the CloudWatch console. */
    public static Optional<String> alarm(String region, String alarmName) {
        if (!isRegion(region) || alarmName.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(base(region, "cloudwatch/home") + "#alarmsV2:alarm/" + encode(alarmName));
    }

    /** The resource's console page, when the type has one. */
    public static Optional<String> resource(String region, String account, Resource resource) {
        if (!isRegion(region) || resource.id().isEmpty()) {
            return Optional.empty();
        }
        String id = encode(resource.id());
        String page = switch (resource.type()) {
            case Resource.SECURITY_GROUP -> base(region, "ec2/home") + "#SecurityGroup:groupId=" + id;
            case Resource.INSTANCE -> base(region, "ec2/home") + "#InstanceDetails:instanceId=" + id;
            case Resource.NETWORK_ACL -> base(region, "vpcconsole/home") + "#NetworkAclDetails:networkAclId=" + id;
            case Resource.SUBNET -> base(region, "vpcconsole/home") + "#SubnetDetails:subnetId=" + id;
            case Resource.KEY_PAIR -> base(region, "ec2/home") + "#KeyPairs:search=" + id;
            case Resource.ACCOUNT_SETTING -> base(region, "ec2/home") + "#Settings:";
            case Resource.TRAIL -> base(region, "cloudtrailv2/home") + "#/trails/"
                    + encode(trailArn(region, account, resource.id()));
            case Resource.LAMBDA_FUNCTION -> base(region, "lambda/home") + "#/functions/" + id;
            case Resource.EVENTS_RULE -> base(region, "events/home") + "#/eventbus/default/rules/" + id;
            case Resource.SNS_TOPIC -> base(region, "sns/v3/home") + "#/topic/" + id;
            case Resource.SSM_SESSION -> base(region, "systems-manager/session-manager/sessions");
            default -> "";
        };
        return page.isEmpty() ? Optional.empty() : Optional.of(page);
    }

    /** A trail's ARN from a name or an ARN. */
    static String trailArn(String region, String account, String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn
                : "arn:" + partition(region) + ":cloudtrail:" + region + ":" + account + ":trail/" + nameOrArn;
    }

    private static String base(String region, String path) {
        String host = switch (partition(region)) {
            case "aws-cn" -> region + ".console.amazonaws.cn";
            case "aws-us-gov" -> region + ".console.amazonaws-us-gov.com";
            default -> region + ".console.aws.amazon.com";
        };
        return "https://" + host + "/" + path + "?region=" + region;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
