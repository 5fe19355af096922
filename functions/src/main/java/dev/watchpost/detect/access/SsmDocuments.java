package dev.watchpost.detect.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How much an SSM document can do on an instance, and where a request says it runs. One place for the three SSM
 * execution detections, so Run Command, Automation and State Manager rate the same document the same way. A document
 * may be named by name or by ARN (a document shared from another account); both are read by their last path segment.
 */
final class SsmDocuments {
    /** Documents that run whatever commands the caller passes, as root or SYSTEM. */
    static final Set<String> ARBITRARY_COMMANDS = Set.of("AWS-RunShellScript", "AWS-RunPowerShellScript",
            "AWS-RunRemoteScript", "AWS-RunSaltState", "AWS-RunAnsiblePlaybook");
    /** AWS-owned documents that hand out access to an instance (reset a password, an SSH key). */
    static final Set<String> ACCESS_RESETTING = Set.of("AWS-PasswordReset", "AWSSupport-ResetAccess",
            "AWSSupport-ExecuteEC2Rescue");

    private SsmDocuments() {}

    /** The document's short name: "AWS-RunShellScript" for the name or an ARN ending in it. */
    static String shortName(String document) {
        int slash = document.lastIndexOf('/');
        return slash < 0 ? document : document.substring(slash + 1);
    }

    /**
     * HIGH for arbitrary commands or access resets; LOW for other AWS-owned documents (patching, inventory, agent
     * updates), whose steps are fixed; MEDIUM for any other (the account's own or shared documents can do anything,
     * and the event does not show their content).
     */
    static Severity severity(String document) {
        String name = shortName(document);
        if (ARBITRARY_COMMANDS.contains(name) || ACCESS_RESETTING.contains(name)) {
            return Severity.HIGH;
        }
        if (isAwsOwned(document)) {
            return Severity.LOW;
        }
        return Severity.MEDIUM;
    }

    static boolean isAwsOwned(String document) {
        if (document.startsWith("arn:")) {
            return false;
        }
        return document.startsWith("AWS-") || document.startsWith("AWSSupport-") || document.startsWith("AWSEC2-")
                || document.startsWith("AmazonCloudWatch-") || document.startsWith("AWSConfigRemediation-");
    }

    /**
     * The targets of an SSM request (Run Command, State Manager, Automation) as "key=v1,v2" strings, from its
     * {@code targets: [{"key":…,"values":[…]}]} in either casing.
     */
    static List<String> targets(JsonNode request) {
        List<String> out = new ArrayList<>();
        for (JsonNode target : Json.items(Json.path(request, "targets"))) {
            String key = Json.text(Json.anyOf(target, "key", "Key"));
            List<String> values = Json.strings(Json.anyOf(target, "values", "Values"));
            if (!key.isEmpty() || !values.isEmpty()) {
                out.add(key + "=" + String.join(",", values));
            }
        }
        return out;
    }
}
