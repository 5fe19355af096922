package dev.watchpost.detect.access;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.List;

/**
 * A Session Manager session was started on an instance.
 *
 * <p>Why it matters: Session Manager gives a shell or a port forward with no open port at all, so network controls
 * never see it. LOW: it records access; HIGH when trusted CIDRs are configured and the caller's source IP is
 * outside them. The document name tells a shell from a port forward ({@code AWS-StartPortForwardingSession}), a
 * forward through the instance to another host ({@code AWS-StartPortForwardingSessionToRemoteHost}, whose
 * {@code host} and {@code portNumber} the finding names: the instance is only the relay) or SSH over SSM
 * ({@code AWS-StartSSHSession}). Session document parameters are lists of strings in the request.
 */
public final class SsmSessionStarted extends SuccessfulCallDetection {
    public static final String ID = "access.ssm-session-started";

    private final SourceTrust trust;

    public SsmSessionStarted(DetectionParameters parameters) {
        super(ID);
        this.trust = new SourceTrust(parameters);
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        String target = Json.text(event.requestParameters(), "target");
        String document = Json.text(event.requestParameters(), "documentName");
        String ports = String.join(", ", Json.strings(Json.path(event.requestParameters(), "parameters", "portNumber")));
        String hosts = String.join(", ", Json.strings(Json.path(event.requestParameters(), "parameters", "host")));
        return finding(event)
                .severity(trust.severity(event, Severity.LOW))
                .title("Session Manager session started on " + (target.isEmpty() ? "a target" : target)
                        + (document.isEmpty() ? "" : " (" + document + ")")
                        + (hosts.isEmpty() ? "" : " forwarding to " + hosts + (ports.isEmpty() ? "" : ":" + ports)))
                .resource(target.startsWith("i-") ? Resource.INSTANCE : "AWS::SSM::ManagedInstance", target)
                .context("target", target)
                .context("document", document)
                .context("remoteHost", hosts)
                .context("portNumber", ports)
                .context("raisedBecause", trust.reason(event))
                .context("sessionId", Json.text(event.responseElements(), "sessionId"))
                .buildList();
    }
}
