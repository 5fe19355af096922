package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AWS Solutions rules find nothing unsuppressed in any stack of an organization deployment, and each
 * suppression there says why, in a sentence that can name what it covers.
 */
final class OrganizationNagTest {
    private static final int MIN_REASON_LENGTH = 60;

    static Stream<String> stacks() {
        return Stream.of(WatchpostApp.STACK_NAME, WatchpostApp.STACK_SETS_STACK_NAME,
                WatchpostApp.MEMBER_ROLES_STACK_NAME, WatchpostApp.FORWARDER_STACK_NAME);
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void reportsNoErrorAndNoWarning(String name) {
        Stack stack = stack(name);
        List<SynthesisMessage> findings = Stream.concat(
                Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream(),
                Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream())
                .toList();
        assertTrue(findings.isEmpty(), () -> findings.size() + " unsuppressed finding(s):\n" + findings.stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData()).collect(Collectors.joining("\n")));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void wasCheckedByCdkNag_andEverySuppressionSaysWhy(String name) throws IOException {
        stack(name);
        Path report = OrganizationSynthesized.OUTDIR.resolve("AwsSolutions-" + name + "-NagReport.csv");
        List<String> lines = Files.readAllLines(report);
        assertTrue(lines.size() > 1 || name.equals(WatchpostApp.STACK_SETS_STACK_NAME)
                || name.equals(WatchpostApp.FORWARDER_STACK_NAME), "empty report: " + report);
        for (String line : lines.subList(1, lines.size())) {
            if (line.contains("\"Suppressed\"")) {
                String reason = line.split("\",\"")[3];
                assertTrue(reason.length() >= MIN_REASON_LENGTH, () -> "a vague reason: " + line);
            }
        }
    }

    private static Stack stack(String name) {
        return OrganizationSynthesized.get().all().stream().filter(stack -> stack.getStackName().equals(name))
                .findFirst().orElseThrow();
    }
}
