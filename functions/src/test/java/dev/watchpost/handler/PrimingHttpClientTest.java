package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The priming client answers from the canned answers, and names any call it has no answer for. */
class PrimingHttpClientTest {
    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIATESTONLY00000000", "test"));
    private final PrimingHttpClient http = new PrimingHttpClient();

    @Test
    void answersAPublishWithTheCannedMessageId() {
        try (SnsClient sns = SnsClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(KEYS)
                .build()) {
            String id = sns.publish(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:t").message("m")).messageId();
            assertEquals("94f20ce6-13c5-43a0-9a9e-ca52d816e90b", id);
        }
        assertEquals(List.of("sns Publish"), http.calls().stream().map(PrimingHttpClient.Call::name).toList());
    }

    @Test
    void failsACallOfAKnownServiceWithNoCannedAnswer_namingIt_insteadOfAnsweringAsEc2() {
        try (Ec2Client ec2 = Ec2Client.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(KEYS)
                .build()) {
            IllegalStateException error = assertThrows(IllegalStateException.class, ec2::describeInstances);
            assertTrue(error.getMessage().contains("SnapStart priming has no canned answer for ec2 DescribeInstances"),
                    error.getMessage());
        }
        assertEquals(false, http.calls().getFirst().answered());
    }

    @Test
    void failsACallOfAnUnknownService_namingIt() {
        try (SsmClient ssm = SsmClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(KEYS)
                .build()) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> ssm.getParameter(r -> r.name("p")));
            assertTrue(error.getMessage().contains("SnapStart priming has no canned answer for ssm GetParameter"),
                    error.getMessage());
        }
    }
}
