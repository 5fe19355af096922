package dev.watchpost.alert;

import dev.watchpost.detect.Resource;

/**
 * A Watchpost resource as ASFF names it: the ASFF resource type and, where the resource has one, its ARN. Types ASFF
 * has no name for are {@code Other} with the best identifier available. Immutable.
 *
 * @param type ASFF resource type, e.g. {@code AwsEc2SecurityGroup}
 * @param id   the ARN, or the id when the resource has no ARN
 */
record AsffResource(String type, String id) {
    static final String OTHER = "Other";
    static final String ACCOUNT = "AwsAccount";

    static AsffResource of(Resource resource, String partition, String region, String account) {
        String id = resource.id();
        String ec2 = "arn:" + partition + ":ec2:" + region + ":" + account + ":";
        return switch (resource.type()) {
            case Resource.SECURITY_GROUP -> new AsffResource("AwsEc2SecurityGroup", arn(id, ec2 + "security-group/"));
            case Resource.SECURITY_GROUP_RULE -> new AsffResource(OTHER, arn(id, ec2 + "security-group-rule/"));
            case Resource.NETWORK_ACL -> new AsffResource("AwsEc2NetworkAcl", arn(id, ec2 + "network-acl/"));
            case Resource.INSTANCE -> new AsffResource("AwsEc2Instance", arn(id, ec2 + "instance/"));
            case Resource.SUBNET -> new AsffResource("AwsEc2Subnet", arn(id, ec2 + "subnet/"));
            case Resource.INSTANCE_CONNECT_ENDPOINT ->
                    new AsffResource(OTHER, arn(id, ec2 + "instance-connect-endpoint/"));
            case Resource.KEY_PAIR -> new AsffResource(OTHER, arn(id, ec2 + "key-pair/"));
            case Resource.INSTANCE_PROFILE ->
                    new AsffResource(OTHER, arn(id, "arn:" + partition + ":iam::" + account + ":instance-profile/"));
            case Resource.ACCOUNT_SETTING, Resource.ACCOUNT -> new AsffResource(ACCOUNT, "AWS::::Account:" + account);
            case Resource.TRAIL -> new AsffResource("AwsCloudTrailTrail",
                    arn(id, "arn:" + partition + ":cloudtrail:" + region + ":" + account + ":trail/"));
            case Resource.EVENTS_RULE -> new AsffResource(OTHER,
                    arn(id, "arn:" + partition + ":events:" + region + ":" + account + ":rule/"));
            case Resource.LAMBDA_FUNCTION -> new AsffResource("AwsLambdaFunction",
                    arn(id, "arn:" + partition + ":lambda:" + region + ":" + account + ":function:"));
            case Resource.SNS_TOPIC -> new AsffResource("AwsSnsTopic",
                    arn(id, "arn:" + partition + ":sns:" + region + ":" + account + ":"));
            default -> new AsffResource(OTHER, id);
        };
    }

    private static String arn(String id, String prefix) {
        return id.startsWith("arn:") ? id : prefix + id;
    }
}
