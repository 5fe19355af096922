package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.SuccessfulCallDetection;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer-managed prefix list now holds an internet CIDR (any /0 by default). Every security-group rule that
 * references the list by id then lets the internet in, and nothing in those rules' own events shows it: a quiet way
 * around {@code network.sg-admin-port-open} (impair defenses: disable or modify cloud firewall).
 *
 * <p>Fires on successful {@code CreateManagedPrefixList} (entries) and {@code ModifyManagedPrefixList} (added
 * entries). Shapes: the API takes {@code Entry.N} / {@code AddEntry.N} of {@code {Cidr, Description}}; CloudTrail is
 * read in the wrapped PascalCase form of the newer EC2 APIs ({@code CreateManagedPrefixListRequest.Entry}, one object
 * or a list) and in the lower-case form ({@code entries}/{@code addEntries}, plain or {@code items}); no public sample
 * was found, so both are accepted and neither is required. Removed entries, failed calls and dry runs do not fire.
 *
 * <p>Known false positives: a prefix list built for routing (route tables can reference lists too) that deliberately
 * holds 0.0.0.0/0. Not remediated: removing the entry changes every rule and route that uses the list.
 */
public final class PrefixListInternetEntry extends SuccessfulCallDetection {
    public static final String ID = "network.prefix-list-internet-entry";

    private final DetectionParameters parameters;

    public PrefixListInternetEntry(DetectionParameters parameters) {
        super(ID);
        this.parameters = parameters;
    }

    @Override
    protected List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        JsonNode wrapped = Json.anyOf(request, "CreateManagedPrefixListRequest", "ModifyManagedPrefixListRequest");
        JsonNode form = wrapped.isMissingNode() ? request : wrapped;
        List<String> internet = new ArrayList<>();
        for (JsonNode entry : entries(form)) {
            String text = Ec2Request.text(entry, "Cidr");
            Cidr.parse(text).filter(parameters::isInternet).ifPresent(cidr -> internet.add(text));
        }
        if (internet.isEmpty()) {
            return List.of();
        }
        String listId = listId(form, event.responseElements());
        String name = Ec2Request.text(form, "PrefixListName");
        String label = !listId.isEmpty() ? listId : name.isEmpty() ? "a new prefix list" : name;
        FindingBuilder finding = finding(event)
                .title("Prefix list " + label + " now holds " + String.join(", ", internet))
                .context("prefixList", label)
                .context("internetEntries", String.join(", ", internet));
        if (!name.isEmpty() && !label.equals(name)) {
            finding.context("prefixListName", name);
        }
        if (!listId.isEmpty()) {
            finding.resource(Resource.PREFIX_LIST, listId);
        }
        return finding.buildList();
    }

    /** Entries a create adds or a modify adds, whichever form carried them. */
    private static List<JsonNode> entries(JsonNode form) {
        List<JsonNode> out = new ArrayList<>();
        for (String field : List.of("Entry", "Entries", "entries", "entrySet", "AddEntry", "AddEntries", "addEntries",
                "addEntrySet")) {
            out.addAll(Json.items(Json.path(form, field)));
        }
        return out;
    }

    /** The list's id from the request (modify) or the response (create), or "". */
    private static String listId(JsonNode form, JsonNode response) {
        String fromRequest = Ec2Request.text(form, "PrefixListId");
        if (!fromRequest.isBlank()) {
            return fromRequest;
        }
        JsonNode body = Ec2Request.body(response, "CreateManagedPrefixListResponse");
        String fromResponse = Json.text(Json.path(body, "prefixList"), "prefixListId");
        return fromResponse.isBlank() ? "" : fromResponse;
    }
}
