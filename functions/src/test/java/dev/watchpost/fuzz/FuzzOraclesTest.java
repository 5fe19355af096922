package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.Fixtures;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.network.NetworkAclAdminPortOpen;
import dev.watchpost.event.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

/** The fuzz targets' own judges, checked on inputs whose verdict is known, so a judge that can never fail shows. */
class FuzzOraclesTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "aws cloudtrail stop-logging --region us-east-1 --name my-trail",
            "aws ec2 x --group-name 'default vpc' --ip-permissions 'IpProtocol=tcp,IpRanges=[{CidrIp=0.0.0.0/0}]'",
            "aws ec2 x --name 'it'\\''s; rm -rf /'",
            "aws ec2 a --instance-id i-1 && aws ec2 a --instance-id i-2",
            "aws ec2 x --name ''"})
    void shellSafety_acceptsQuotedValues(String command) {
        assertEquals(Optional.empty(), ShellSafety.problem(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "aws cloudtrail stop-logging --region us-east-1; rm -rf / --name t",
            "aws ec2 x --name $(id)",
            "aws ec2 x --name `id`",
            "aws ec2 x --name 'never closed",
            "aws ec2 x --name a|b",
            "aws ec2 x --name a&&b",
            "aws ec2 x --name a\nb"})
    void shellSafety_rejectsWhatAShellWouldInterpret(String command) {
        assertTrue(ShellSafety.problem(command).isPresent(), command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi <!channel>", "<!here|here>", "<!subteam^S1>", "ping <@U024BE7LH>", "<#C024BE7LR>",
            "<http://evil.example|click>", "<HTTPS://evil.example>", "<mailto:a@evil.example|mail>",
            "<https://evil.example/x.console.aws.amazon.com/|console>", "<https://evil.example.console.aws.amazon.com/|x>",
            "<https://console.aws.amazon.com/ec2/home?x=<!channel>|ok>", "unclosed <!channel",
            "<!date^1793614530^{date_short_pretty}|<!channel>", "<!date^x^{date}|now>"})
    void slackText_findsMentionsAndForeignLinks(String text) {
        assertTrue(!SlackText.controlSequences(text).isEmpty(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&lt;!channel&gt; and &lt;@U1&gt;", "a < b > c", "<>", "plain text",
            "<https://console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-1|sg-1>",
            "<https://us-east-1.console.aws.amazon.com/cloudtrailv2/home#/events/e-1|event>",
            "<https://cn-north-1.console.amazonaws.cn/ec2/home?region=cn-north-1#Settings:|settings>",
            "at <!date^1793614530^{date_short_pretty} {time_secs}|2026-11-02T10:15:30Z>"})
    void slackText_letsEscapedTextAndConsoleLinksBe(String text) {
        assertEquals(List.of(), SlackText.controlSequences(text));
    }

    /** The network ACL finding of an event whose ACL id is a shell command, as the detection reports it. */
    private static Finding naclFindingOf(String aclId) throws Exception {
        ObjectNode event = (ObjectNode) Fixtures.tree("network/CreateNetworkAclEntry.world-ssh.json");
        ((ObjectNode) event.path("detail").path("requestParameters")).put("networkAclId", aclId);
        List<Finding> findings = new NetworkAclAdminPortOpen(Fixtures.parameters()).evaluate(CloudTrailEvent.parse(
                event.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, findings.size());
        return findings.getFirst();
    }

    @Test
    void wholePath_acceptsTheNetworkAclFixCommand_whateverTheAclIdHolds() throws Exception {
        Finding finding = naclFindingOf("acl-1'; rm -rf / #$(id)");
        assertEquals("aws ec2 delete-network-acl-entry --region us-east-1 --network-acl-id 'acl-1'\\''; rm -rf / "
                + "#$(id)' --rule-number 100 --ingress", finding.context().get("fixCommand"));
        WholePath.checkCommands(finding);
    }

    @Test
    void wholePath_rejectsAFixCommandThatLeavesAValueUnquoted() throws Exception {
        Finding quoted = naclFindingOf("acl-1; id");
        Map<String, String> context = new LinkedHashMap<>(quoted.context());
        context.put("fixCommand", "aws ec2 delete-network-acl-entry --network-acl-id acl-1; id --ingress");
        Finding unquoted = new Finding(quoted.detection(), quoted.severity(), quoted.title(), quoted.event(),
                quoted.resources(), context, quoted.details());
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> WholePath.checkCommands(unquoted));
        assertTrue(error.getMessage().startsWith("fixCommand of network.nacl-admin-port-open is not safe to paste"),
                error.getMessage());
    }
}
