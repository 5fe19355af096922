package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
