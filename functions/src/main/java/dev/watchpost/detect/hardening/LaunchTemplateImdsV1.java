package dev.watchpost.detect.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import java.util.List;
import java.util.Locale;

/**
 * A launch template (or a new version of one) lets instances use IMDSv1: its {@code LaunchTemplateData.MetadataOptions
 * .HttpTokens} is {@code optional}, or absent.
 *
 * <p>Why it matters: every instance launched from the template, by hand or by an Auto Scaling group, answers
 * IMDSv1, whose credentials an SSRF in any application on the instance can steal (Cloud Instance Metadata
 * API). The RunInstances detection sees each launch; this one sees the template before any launch. MEDIUM when
 * {@code optional} is explicit. LOW when absent: then the account's instance-metadata default and the AMI decide, and
 * this follows AWS Config {@code ec2-launch-template-imdsv2-check} (Security Hub EC2.170), which also fails a template
 * that does not require IMDSv2. A new version based on a {@code SourceVersion} without its own
 * {@code MetadataOptions} inherits the source's, which the event does not show: it does not fire.
 *
 * <p>Shapes: CloudTrail records these requests wrapped in PascalCase ({@code CreateLaunchTemplateRequest}
 * {@code .LaunchTemplateData}, seen in public samples); the flat camelCase form is read too. The template id comes
 * from the response's {@code launchTemplate} or {@code launchTemplateVersion} (inferred), else the request.
 *
 * <p>Known false positives: templates for AMIs whose software still needs IMDSv1.
 */
public final class LaunchTemplateImdsV1 extends SuccessfulCallDetection {
    public static final String ID = "hardening.launch-template-imds-v1";

    public LaunchTemplateImdsV1() {
        super(ID);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = Ec2Request.request(event);
        JsonNode data = Ec2Request.field(request, "LaunchTemplateData");
        JsonNode options = Ec2Request.field(data, "MetadataOptions");
        String tokens = Ec2Request.text(options, "HttpTokens").toLowerCase(Locale.ROOT);
        boolean explicit = tokens.equals("optional");
        boolean absent = tokens.isEmpty() && Ec2Request.text(request, "SourceVersion").isEmpty();
        if (!explicit && !absent) {
            return List.of();
        }
        JsonNode response = Ec2Request.response(event);
        JsonNode template = Ec2Request.field(response, "LaunchTemplate");
        if (template.isMissingNode()) {
            template = Ec2Request.field(response, "LaunchTemplateVersion");
        }
        String id = Ec2Request.firstText("LaunchTemplateId", template, request);
        String name = Ec2Request.firstText("LaunchTemplateName", template, request);
        String version = Ec2Request.text(template, "VersionNumber");
        String label = name.isEmpty() ? id : name;
        return finding(event)
                .severity(explicit ? Severity.MEDIUM : Severity.LOW)
                .title("Launch template " + (label.isEmpty() ? "" : label + " ")
                        + (explicit ? "allows IMDSv1 (HttpTokens optional)" : "does not require IMDSv2"))
                .resource("AWS::EC2::LaunchTemplate", id.isEmpty() ? name : id)
                .context("launchTemplateId", id)
                .context("launchTemplateName", name)
                .context("version", version)
                .context("httpTokens", explicit ? "optional" : "not set (account default and AMI decide)")
                .buildList();
    }
}
