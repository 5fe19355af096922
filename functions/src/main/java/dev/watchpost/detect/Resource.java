package dev.watchpost.detect;

import java.util.Objects;

/**
 * An AWS resource a finding is about, named by its CloudFormation-style type and id.
 *
 * @param type e.g. {@code AWS::EC2::SecurityGroup}
 * @param id   e.g. {@code sg-0abc…}
 */
public record Resource(String type, String id) {
    public static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";
    public static final String SECURITY_GROUP_RULE = "AWS::EC2::SecurityGroupRule";
    public static final String NETWORK_ACL = "AWS::EC2::NetworkAcl";
    public static final String PREFIX_LIST = "AWS::EC2::PrefixList";
    public static final String INSTANCE = "AWS::EC2::Instance";
    public static final String INSTANCE_CONNECT_ENDPOINT = "AWS::EC2::InstanceConnectEndpoint";
    public static final String SUBNET = "AWS::EC2::Subnet";
    public static final String KEY_PAIR = "AWS::EC2::KeyPair";
    public static final String INSTANCE_PROFILE = "AWS::IAM::InstanceProfile";
    public static final String ACCOUNT_SETTING = "AWS::EC2::AccountSetting";
    public static final String TRAIL = "AWS::CloudTrail::Trail";
    /** The account itself, for a gap of the account in one region (the id says which, e.g. {@code cloudtrail/REGION}). */
    public static final String ACCOUNT = "AWS::::Account";
    public static final String EVENTS_RULE = "AWS::Events::Rule";
    public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    public static final String SNS_TOPIC = "AWS::SNS::Topic";
    public static final String SSM_SESSION = "AWS::SSM::Session";

    public Resource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
