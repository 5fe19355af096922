package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AWS Solutions rules find nothing unsuppressed, in the plain stack and in the one where every option is
 * on (tracing adds X-Ray's Resource "*", an e-mail adds a subscription). A suppression needs a written reason in code.
 */
final class NagTest {
    static Stream<Named<Supplier<Synthesized>>> stacks() {
        return Stream.of(
                Named.of("defaults", Synthesized::defaults),
                Named.of("every option set", Synthesized::configured));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void reportsNoError(Supplier<Synthesized> stack) {
        List<SynthesisMessage> errors = Annotations.fromStack(stack.get().stack())
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertTrue(errors.isEmpty(), () -> describe(errors));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void reportsNoWarning(Supplier<Synthesized> stack) {
        List<SynthesisMessage> warnings = Annotations.fromStack(stack.get().stack())
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertTrue(warnings.isEmpty(), () -> describe(warnings));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void ranAndRecordedEverySuppressionWithItsReason(Supplier<Synthesized> stack) throws IOException {
        Path report = stack.get().outdir().resolve("AwsSolutions-" + WatchpostApp.STACK_NAME + "-NagReport.csv");
        List<String> suppressed = Files.readAllLines(report).stream().filter(line -> line.contains("\"Suppressed\""))
                .toList();
        assertTrue(suppressed.stream().anyMatch(line -> line.startsWith("\"AwsSolutions-IAM5\",\"Watchpost/Network/Role")
                && line.contains("ec2:RevokeSecurityGroupIngress")), () -> String.join("\n", suppressed));
        assertTrue(suppressed.stream().anyMatch(line -> line.startsWith("\"AwsSolutions-SQS3\"")),
                () -> String.join("\n", suppressed));
    }

    private static String describe(List<SynthesisMessage> messages) {
        return messages.size() + " unsuppressed finding(s):\n" + messages.stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData())
                .collect(Collectors.joining("\n"));
    }
}
