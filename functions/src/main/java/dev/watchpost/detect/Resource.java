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

    public Resource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
