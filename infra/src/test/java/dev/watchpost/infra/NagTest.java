package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.detect.Family;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** A reason shorter than this cannot say which permission or resource it covers and why. */
    private static final int MIN_REASON_LENGTH = 60;
    private static final Pattern CSV_CELL = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

    static Stream<Named<Supplier<Synthesized>>> stacks() {
        return Stream.of(
                Named.of("defaults", Synthesized::defaults),
                Named.of("every option set", Synthesized::configured));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void reportsNoErrorAndNoWarning(Supplier<Synthesized> stack) {
        Annotations annotations = Annotations.fromStack(stack.get().stack());
        List<SynthesisMessage> findings = Stream.concat(
                annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream(),
                annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()).toList();
        assertTrue(findings.isEmpty(), () -> describe(findings));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void checkedEveryFamilyRole(Supplier<Synthesized> stack) throws IOException {
        List<List<String>> rows = report(stack.get());
        for (Family family : Family.values()) {
            String role = WatchpostApp.STACK_NAME + "/" + FamilyFunction.typeName(family) + "/Role/Resource";
            assertTrue(rows.stream().anyMatch(row -> row.get(0).equals("AwsSolutions-IAM5") && row.get(1).equals(role)),
                    () -> "cdk-nag did not check " + role);
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everySuppressionSaysWhy(Supplier<Synthesized> stack) throws IOException {
        List<List<String>> suppressed = report(stack.get()).stream()
                .filter(row -> row.get(2).equals("Suppressed"))
                .toList();
        assertFalse(suppressed.isEmpty(), "nothing suppressed: the report is not what this test expects");
        for (List<String> row : suppressed) {
            assertTrue(row.get(3).length() >= MIN_REASON_LENGTH, () -> "a vague reason: " + row);
        }
    }

    /** The rows of cdk-nag's CSV report: rule id, resource path, compliance, reason, level, rule info. */
    private static List<List<String>> report(Synthesized synthesized) throws IOException {
        Path file = synthesized.outdir().resolve("AwsSolutions-" + WatchpostApp.STACK_NAME + "-NagReport.csv");
        List<String> lines = Files.readAllLines(file);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CSV_CELL.matcher(line);
            while (cell.find()) {
                cells.add(cell.group(1).replace("\"\"", "\""));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String describe(List<SynthesisMessage> messages) {
        return messages.size() + " unsuppressed finding(s):\n" + messages.stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData())
                .collect(Collectors.joining("\n"));
    }
}
