package dev.watchpost.bench.jmh;

import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import dev.watchpost.pipeline.Wiring;
import java.nio.charset.StandardCharsets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Evidence that an event pays only for the detections that apply to it: a KMS {@code Decrypt} record (the commonest
 * management event, which no detection watches) parsed alone, then routed through one family's detections, then
 * through all nineteen. The three should cost the same.
 */
public class RoutingBenchmark extends AverageNanosBenchmark {
    private static final byte[] DECRYPT = """
            {"eventVersion":"1.09","userIdentity":{"type":"AWSService","invokedBy":"lambda.amazonaws.com"},
             "eventTime":"2026-11-02T10:15:30Z","eventSource":"kms.amazonaws.com","eventName":"Decrypt",
             "awsRegion":"us-east-1","sourceIPAddress":"lambda.amazonaws.com","userAgent":"lambda.amazonaws.com",
             "requestParameters":{"encryptionContext":{"aws:lambda:FunctionArn":
             "arn:aws:lambda:us-east-1:123456789012:function:ingest-3"},"encryptionAlgorithm":"SYMMETRIC_DEFAULT"},
             "responseElements":null,"requestID":"2f0c7c2e-8a1b-4c55-9f3e-0d1e2f3a4b5c",
             "eventID":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b","readOnly":true,"resources":[{"accountId":
             "123456789012","type":"AWS::KMS::Key","ARN":
             "arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}],
             "eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"123456789012",
             "eventCategory":"Management"}
            """.getBytes(StandardCharsets.UTF_8);

    private final Detections network = Wiring.detectionsOf(Family.NETWORK, Settings.defaults());
    private final Detections all = Detections.defaults(Settings.defaults().detection());

    @Benchmark
    public CloudTrailEvent parseOnly() throws MalformedEventException {
        return CloudTrailEvent.parse(DECRYPT);
    }

    @Benchmark
    public void parseAndRouteThroughOneFamily(Blackhole blackhole) throws MalformedEventException {
        route(network, blackhole);
    }

    @Benchmark
    public void parseAndRouteThroughAllDetections(Blackhole blackhole) throws MalformedEventException {
        route(all, blackhole);
    }

    private static void route(Detections detections, Blackhole blackhole) throws MalformedEventException {
        CloudTrailEvent event = CloudTrailEvent.parse(DECRYPT);
        for (Detection detection : detections.forEvent(event)) {
            blackhole.consume(detection.evaluate(event));
        }
        blackhole.consume(event);
    }
}
