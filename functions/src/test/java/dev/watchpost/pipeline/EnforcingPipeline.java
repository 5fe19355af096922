package dev.watchpost.pipeline;

import dev.watchpost.Fixtures;
import dev.watchpost.alert.SnsAlertSink;
import dev.watchpost.detect.Detections;
import dev.watchpost.remediate.OwnAccountTargets;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudtrail.model.StartLoggingRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;

/**
 * Every family's detections in one pipeline with every remediation set to ENFORCE, against fake clients and a fake
 * SNS behind the real SNS sink: the harshest setting for hostile-input tests, since any doubt that slipped through
 * would become a change to an account.
 */
final class EnforcingPipeline {
    final FakeClients clients = new FakeClients();
    final FakeSns sns = new FakeSns();
    final RecordingTelemetry telemetry = new RecordingTelemetry();
    final Pipeline pipeline;

    EnforcingPipeline() {
        clients.ec2.everyRuleOpen();
        Detections detections = Detections.defaults(Fixtures.parameters());
        Map<String, RemediationMode> enforce = new HashMap<>();
        Remediations.catalog().forEach(info -> enforce.put(info.detectionId(), RemediationMode.ENFORCE));
        Remediator remediator = new Remediator(Remediations.forDetections(detections.ids(), "watchpost:exempt",
                Clock.systemUTC()), enforce, new OwnAccountTargets(FixtureDeployment.ACCOUNT, clients));
        pipeline = new Pipeline(detections, remediator,
                List.of(new SnsAlertSink(sns, FixtureDeployment.TOPIC)), LoopGuard.of(FixtureDeployment.OWN_ROLES),
                Clock.systemUTC());
    }

    /** The requests that change an account (describes excluded), EC2 and CloudTrail together. */
    List<Object> effects() {
        List<Object> changes = new java.util.ArrayList<>(clients.ec2.calls.stream()
                .filter(call -> !(call instanceof DescribeSecurityGroupsRequest)
                        && !(call instanceof DescribeSecurityGroupRulesRequest))
                .toList());
        clients.cloudTrail.started.forEach(name -> changes.add(StartLoggingRequest.builder().name(name).build()));
        return changes;
    }
}
