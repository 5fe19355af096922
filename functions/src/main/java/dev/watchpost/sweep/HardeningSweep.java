package dev.watchpost.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.hardening.EbsDefaultEncryptionDisabled;
import dev.watchpost.detect.hardening.ImdsV1Allowed;
import dev.watchpost.event.CloudTrailEvent;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataDefaultsResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * The account settings and instances that weaken EC2 as they stand: EBS encryption by default off
 * ({@code GetEbsEncryptionByDefault}, restated as {@code DisableEbsEncryptionByDefault}), account IMDS defaults that
 * let new instances use IMDSv1 ({@code GetInstanceMetadataDefaults}, restated as
 * {@code ModifyInstanceMetadataDefaults}), and running instances with {@code httpTokens} optional
 * ({@code DescribeInstances} filtered on both, all pages, each restated as a {@code ModifyInstanceMetadataOptions}
 * response), all put to the hardening detections. Thread-safe.
 */
public record HardeningSweep(Detection ebs, Detection imds, int pageSize) implements Ec2Sweep {
    public static final SweepInfo INFO = new SweepInfo(Family.HARDENING, List.of("ec2:GetEbsEncryptionByDefault",
            "ec2:GetInstanceMetadataDefaults", "ec2:DescribeInstances"), List.of());

    @Override
    public SweepInfo info() {
        return INFO;
    }

    @Override
    public void sweep(Ec2Client ec2, String account, String region, Instant at, List<Finding> found) {
        if (!Boolean.TRUE.equals(ec2.getEbsEncryptionByDefault(r -> { }).ebsEncryptionByDefault())) {
            found.addAll(ebs.evaluate(StateRecord.of(account, region, at, SOURCE, "DisableEbsEncryptionByDefault",
                    EbsDefaultEncryptionDisabled.ID, "ebs-encryption-by-default/" + region, StateRecord.object(),
                    StateRecord.object().put("ebsEncryptionByDefault", false))));
        }
        InstanceMetadataDefaultsResponse defaults = ec2.getInstanceMetadataDefaults(r -> { }).accountLevel();
        if (defaults != null) {
            ObjectNode request = StateRecord.object();
            StateRecord.putIfPresent(request, "HttpTokens", defaults.httpTokensAsString());
            StateRecord.putIfPresent(request, "HttpEndpoint", defaults.httpEndpointAsString());
            found.addAll(imds.evaluate(StateRecord.of(account, region, at, SOURCE, "ModifyInstanceMetadataDefaults",
                    ImdsV1Allowed.ID, "instance-metadata-defaults/" + region, request, StateRecord.object())));
        }
        for (Reservation reservation : ec2.describeInstancesPaginator(r -> r.maxResults(pageSize).filters(
                f -> f.name("metadata-options.http-tokens").values("optional"),
                f -> f.name("instance-state-name").values("running"))).reservations()) {
            for (Instance instance : reservation.instances()) {
                found.addAll(imds.evaluate(instanceRecord(account, region, at, instance)));
            }
        }
    }

    private static CloudTrailEvent instanceRecord(String account, String region, Instant at, Instance instance) {
        ObjectNode request = StateRecord.object().put("InstanceId", instance.instanceId());
        ObjectNode response = StateRecord.object().put("instanceId", instance.instanceId());
        ObjectNode options = response.putObject("instanceMetadataOptions");
        if (instance.metadataOptions() != null) {
            StateRecord.putIfPresent(options, "httpTokens", instance.metadataOptions().httpTokensAsString());
            StateRecord.putIfPresent(options, "httpEndpoint", instance.metadataOptions().httpEndpointAsString());
        }
        return StateRecord.of(account, region, at, SOURCE, "ModifyInstanceMetadataOptions", ImdsV1Allowed.ID,
                instance.instanceId(), request, response);
    }
}
