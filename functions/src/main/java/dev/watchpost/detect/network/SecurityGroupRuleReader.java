package dev.watchpost.detect.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.network.RuleChange.Direction;
import dev.watchpost.detect.network.RuleChange.SourceKind;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Ec2Request;
import dev.watchpost.event.Json;
import dev.watchpost.event.PortRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rules a security-group call adds, from the best source the event has: the normalised
 * {@code responseElements.securityGroupRuleSet} (it carries {@code sgr-} ids and is the same whatever form the request
 * took), else the {@code ipPermissions} request form, else the legacy flat form ({@code cidrIp}, {@code fromPort}, …),
 * and the wrapped PascalCase request of {@code ModifySecurityGroupRules}, whose direction is read from an
 * {@code IsEgress} in the request or a rule set in the response when either is there, and is otherwise unknown. A rule whose protocol the event does not
 * state is read as all traffic, so the alert errs towards severity, and is marked as unstated, so nothing acts on the
 * guess. Stateless; never throws on odd input.
 */
final class SecurityGroupRuleReader {
    private SecurityGroupRuleReader() {}

    static List<RuleChange> read(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        JsonNode modify = Ec2Request.field(request, "ModifySecurityGroupRulesRequest");
        if (!modify.isMissingNode()) {
            return fromModifyRequest(modify, statedDirections(event.responseElements()));
        }
        Direction direction = event.eventName().endsWith("Egress") ? Direction.EGRESS : Direction.INGRESS;
        List<RuleChange> fromResponse = fromResponse(event.responseElements(), direction);
        if (!fromResponse.isEmpty()) {
            return fromResponse;
        }
        String groupId = id(Json.path(request, "groupId"));
        List<RuleChange> out = new ArrayList<>(fromPermissions(request, groupId, direction));
        out.addAll(fromFlatForm(request, groupId, direction));
        return out;
    }

    /** The group named by the request, by id or (default VPC) by name; "" when neither is present. */
    static String groupId(CloudTrailEvent event) {
        JsonNode request = event.requestParameters();
        JsonNode modify = Ec2Request.field(request, "ModifySecurityGroupRulesRequest");
        if (!modify.isMissingNode()) {
            return id(Ec2Request.field(modify, "GroupId"));
        }
        return id(Json.path(request, "groupId"));
    }

    static String groupName(CloudTrailEvent event) {
        return id(Json.path(event.requestParameters(), "groupName"));
    }

    private static List<RuleChange> fromResponse(JsonNode response, Direction direction) {
        List<RuleChange> out = new ArrayList<>();
        for (JsonNode item : Json.items(Json.path(response, "securityGroupRuleSet"))) {
            Direction itemDirection = Json.bool(item.path("isEgress"))
                    .map(egress -> egress ? Direction.EGRESS : Direction.INGRESS)
                    .orElse(direction);
            String ruleId = id(Json.path(item, "securityGroupRuleId"));
            String groupId = id(Json.path(item, "groupId"));
            Protocol protocol = protocol(item.path("ipProtocol"));
            PortRange ports = PortRange.of(item.path("fromPort"), item.path("toPort"));
            addSource(out, ruleId, groupId, protocol, ports, SourceKind.CIDR, Json.text(item, "cidrIpv4"),
                    itemDirection);
            addSource(out, ruleId, groupId, protocol, ports, SourceKind.CIDR, Json.text(item, "cidrIpv6"),
                    itemDirection);
            addSource(out, ruleId, groupId, protocol, ports, SourceKind.PREFIX_LIST, Json.text(item, "prefixListId"),
                    itemDirection);
            addSource(out, ruleId, groupId, protocol, ports, SourceKind.SECURITY_GROUP,
                    Json.text(item, "referencedGroupInfo", "groupId"), itemDirection);
        }
        return out;
    }

    private static List<RuleChange> fromPermissions(JsonNode request, String groupId, Direction direction) {
        List<RuleChange> out = new ArrayList<>();
        for (JsonNode permission : Json.items(Json.path(request, "ipPermissions"))) {
            Protocol protocol = protocol(permission.path("ipProtocol"));
            PortRange ports = PortRange.of(permission.path("fromPort"), permission.path("toPort"));
            for (JsonNode range : Json.items(permission.path("ipRanges"))) {
                addSource(out, "", groupId, protocol, ports, SourceKind.CIDR, Json.text(range, "cidrIp"), direction);
            }
            for (JsonNode range : Json.items(permission.path("ipv6Ranges"))) {
                addSource(out, "", groupId, protocol, ports, SourceKind.CIDR, Json.text(range, "cidrIpv6"), direction);
            }
            for (JsonNode list : Json.items(permission.path("prefixListIds"))) {
                addSource(out, "", groupId, protocol, ports, SourceKind.PREFIX_LIST, Json.text(list, "prefixListId"),
                        direction);
            }
            for (JsonNode group : Json.items(permission.path("groups"))) {
                String referenced = Json.text(group, "groupId");
                addSource(out, "", groupId, protocol, ports, SourceKind.SECURITY_GROUP,
                        referenced.isEmpty() ? Json.text(group, "groupName") : referenced, direction);
            }
        }
        return out;
    }

    private static List<RuleChange> fromFlatForm(JsonNode request, String groupId, Direction direction) {
        List<RuleChange> out = new ArrayList<>();
        Protocol protocol = protocol(request.path("ipProtocol"));
        PortRange ports = PortRange.of(request.path("fromPort"), request.path("toPort"));
        addSource(out, "", groupId, protocol, ports, SourceKind.CIDR, Json.text(request, "cidrIp"), direction);
        addSource(out, "", groupId, protocol, ports, SourceKind.CIDR, Json.text(request, "cidrIpv6"), direction);
        addSource(out, "", groupId, protocol, ports, SourceKind.SECURITY_GROUP,
                Json.text(request, "sourceSecurityGroupName"), direction);
        return out;
    }

    /**
     * The direction of each modified rule, by {@code sgr-} id, where the response lists rules with {@code isEgress}
     * (a plain or wrapped {@code securityGroupRuleSet}). EC2 documents only {@code return} for this response, so this
     * is usually empty; it is read because when present it is the service's own word.
     */
    private static Map<String, Direction> statedDirections(JsonNode response) {
        Map<String, Direction> out = new HashMap<>();
        JsonNode wrapped = Ec2Request.field(response, "ModifySecurityGroupRulesResponse");
        for (JsonNode set : List.of(Json.path(response, "securityGroupRuleSet"),
                Json.path(wrapped, "securityGroupRuleSet"))) {
            for (JsonNode item : Json.items(set)) {
                String ruleId = id(Json.path(item, "securityGroupRuleId"));
                Json.bool(item.path("isEgress")).ifPresent(egress -> {
                    if (!ruleId.isEmpty()) {
                        out.put(ruleId, egress ? Direction.EGRESS : Direction.INGRESS);
                    }
                });
            }
        }
        return out;
    }

    private static List<RuleChange> fromModifyRequest(JsonNode modify, Map<String, Direction> stated) {
        String groupId = id(Ec2Request.field(modify, "GroupId"));
        List<RuleChange> out = new ArrayList<>();
        for (JsonNode update : Json.items(Ec2Request.field(modify, "SecurityGroupRule"))) {
            String ruleId = id(Ec2Request.field(update, "SecurityGroupRuleId"));
            JsonNode rule = Ec2Request.field(update, "SecurityGroupRule");
            Direction direction = Json.bool(Ec2Request.field(rule, "IsEgress"))
                    .or(() -> Json.bool(Ec2Request.field(update, "IsEgress")))
                    .map(egress -> egress ? Direction.EGRESS : Direction.INGRESS)
                    .orElse(stated.getOrDefault(ruleId, Direction.UNKNOWN));
            Protocol protocol = protocol(Ec2Request.field(rule, "IpProtocol"));
            PortRange ports = PortRange.of(Ec2Request.field(rule, "FromPort"), Ec2Request.field(rule, "ToPort"));
            addSource(out, ruleId, groupId, protocol, ports, SourceKind.CIDR,
                    Ec2Request.text(rule, "CidrIpv4"), direction);
            addSource(out, ruleId, groupId, protocol, ports, SourceKind.CIDR,
                    Ec2Request.text(rule, "CidrIpv6"), direction);
            addSource(out, ruleId, groupId, protocol, ports, SourceKind.PREFIX_LIST,
                    Ec2Request.text(rule, "PrefixListId"), direction);
            addSource(out, ruleId, groupId, protocol, ports, SourceKind.SECURITY_GROUP,
                    Ec2Request.text(rule, "ReferencedGroupId"), direction);
        }
        return out;
    }

    private static void addSource(List<RuleChange> out, String ruleId, String groupId, Protocol protocol,
                                  PortRange ports, SourceKind kind, String source, Direction direction) {
        if (!source.isEmpty()) {
            out.add(new RuleChange(ruleId, groupId, protocol.name(), protocol.stated(), ports, kind, source,
                    direction));
        }
    }

    /** A group or rule id (or group name): blank counts as absent, since nothing can be looked up or revoked by it. */
    private static String id(JsonNode node) {
        String text = Json.text(node);
        return text.isBlank() ? "" : text;
    }

    /** The protocol as written, lower-cased; absent or blank reads as all traffic ({@code -1}), marked unstated. */
    private static Protocol protocol(JsonNode node) {
        String text = Json.text(node).trim().toLowerCase(Locale.ROOT);
        return text.isEmpty() ? new Protocol("-1", false) : new Protocol(text, true);
    }

    private record Protocol(String name, boolean stated) {}
}
