package dev.watchpost.wire;

import dev.watchpost.wire.WireServer.Reply;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/** CloudFormation's query-protocol answers, as the service writes them (HTTP status, XML body). */
public final class CloudFormationWire {
    private static final String NS = "xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"";

    private CloudFormationWire() {}

    /** A real client that talks to {@code server}. */
    public static CloudFormationClient client(WireServer server) {
        return CloudFormationClient.builder().endpointOverride(server.uri()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAWIRE", "secret")))
                .build();
    }

    /**
     * One stack instance of a service-managed StackSet.
     *
     * @param detailedStatus e.g. {@code SUCCEEDED}, {@code FAILED}; "" for none
     */
    public record Instance(String account, String region, String status, String detailedStatus) {}

    /** One page of {@code ListStackInstances}; {@code nextToken} "" on the last page. */
    public static Reply instances(String stackSet, List<Instance> instances, String nextToken) {
        StringBuilder members = new StringBuilder();
        for (Instance instance : instances) {
            members.append("<member><StackSetId>").append(stackSet).append(":4f1a9c2e-0d3b-4e5f-8a6b-7c8d9e0f1a2b")
                    .append("</StackSetId><Region>").append(instance.region()).append("</Region><Account>")
                    .append(instance.account()).append("</Account><StackId>arn:aws:cloudformation:")
                    .append(instance.region()).append(':').append(instance.account())
                    .append(":stack/StackSet-").append(stackSet).append("-0a1b2c3d/5e6f7a8b</StackId><Status>")
                    .append(instance.status()).append("</Status>");
            if (!instance.detailedStatus().isEmpty()) {
                members.append("<StackInstanceStatus><DetailedStatus>").append(instance.detailedStatus())
                        .append("</DetailedStatus></StackInstanceStatus>");
            }
            members.append("<OrganizationalUnitId>ou-ab12-cdefgh12</OrganizationalUnitId>")
                    .append("<DriftStatus>NOT_CHECKED</DriftStatus></member>");
        }
        return Reply.xml(200, "<ListStackInstancesResponse " + NS + "><ListStackInstancesResult><Summaries>" + members
                + "</Summaries>" + (nextToken.isEmpty() ? "" : "<NextToken>" + nextToken + "</NextToken>")
                + "</ListStackInstancesResult><ResponseMetadata><RequestId>3f2a1b0c-9d8e-4f7a-6b5c-4d3e2f1a0b9c"
                + "</RequestId></ResponseMetadata></ListStackInstancesResponse>");
    }

    public static Reply error(int status, String code, String message) {
        return Reply.xml(status, "<ErrorResponse " + NS + "><Error><Type>Sender</Type><Code>" + code + "</Code>"
                + "<Message>" + message + "</Message></Error><RequestId>3f2a1b0c-9d8e-4f7a-6b5c-4d3e2f1a0b9d"
                + "</RequestId></ErrorResponse>");
    }

    /** What CloudFormation answers a caller that is not a registered delegated administrator. */
    public static Reply notDelegatedAdmin() {
        return error(400, "ValidationError", "Account used is not a delegated administrator");
    }
}
