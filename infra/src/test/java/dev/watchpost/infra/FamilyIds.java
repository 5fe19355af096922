package dev.watchpost.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Family;
import dev.watchpost.handler.AccessEventsHandler;
import dev.watchpost.handler.AuditEventsHandler;
import dev.watchpost.handler.HardeningEventsHandler;
import dev.watchpost.handler.NetworkEventsHandler;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/**
 * The logical ids of one family's resources in a synthesized template, found the way a reviewer would read it: the
 * function whose handler is the family's entry point, then whatever it and its alias reference. A missing or doubled
 * link fails the lookup, so the wiring itself is checked too.
 */
record FamilyIds(String function, String role, String logGroup, String version, String alias, String rule,
                 String deadLetters) {
    /** The Lambda entry point of each family, named by class so a renamed handler breaks compilation. */
    private static final Map<Family, Class<?>> HANDLERS = Map.of(
            Family.NETWORK, NetworkEventsHandler.class,
            Family.ACCESS, AccessEventsHandler.class,
            Family.HARDENING, HardeningEventsHandler.class,
            Family.AUDIT, AuditEventsHandler.class);

    static String handler(Family family) {
        return HANDLERS.get(family).getName() + "::handleRequest";
    }

    /**
     * Asserts that {@code template} holds the family's function with these environment variables among its others;
     * a value may be a {@link software.amazon.awscdk.assertions.Match}, {@code Match.absent()} for one it must lack.
     */
    static void hasVariables(Template template, Family family, Map<String, ?> variables) {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", handler(family),
                "Environment", Map.of("Variables", variables)));
    }

    static FamilyIds of(Synthesized synthesized, Family family) {
        String function = synthesized.onlyLogicalId("AWS::Lambda::Function", "Handler", handler(family));
        JsonNode properties = synthesized.properties(function);
        String role = referenced(synthesized, properties.path("Role").path("Fn::GetAtt").path(0), "AWS::IAM::Role");
        String logGroup = referenced(synthesized, properties.path("LoggingConfig").path("LogGroup").path("Ref"),
                "AWS::Logs::LogGroup");
        String version = synthesized.onlyLogicalId("AWS::Lambda::Version", "FunctionName", Synthesized.ref(function));
        String alias = synthesized.onlyLogicalId("AWS::Lambda::Alias", "FunctionName", Synthesized.ref(function));
        String rule = ruleTargeting(synthesized, alias);
        JsonNode target = synthesized.properties(rule).path("Targets").path(0);
        String deadLetters = referenced(synthesized, target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0),
                "AWS::SQS::Queue");
        return new FamilyIds(function, role, logGroup, version, alias, rule, deadLetters);
    }

    private static String ruleTargeting(Synthesized synthesized, String alias) {
        List<String> rules = synthesized.logicalIds("AWS::Events::Rule").stream()
                .filter(rule -> Synthesized.elements(synthesized.properties(rule).path("Targets")).stream()
                        .anyMatch(target -> target.path("Arn").equals(Synthesized.ref(alias))
                                // the after-deploy sweep rule sends a fixed input; the event rule sends the event
                                && target.path("Input").isMissingNode()))
                .toList();
        if (rules.size() != 1) {
            throw new AssertionError("expected exactly one rule targeting alias " + alias + ", found " + rules);
        }
        return rules.getFirst();
    }

    private static String referenced(Synthesized synthesized, JsonNode logicalId, String type) {
        String id = logicalId.asText();
        String actual = synthesized.resources().path(id).path("Type").asText();
        if (!type.equals(actual)) {
            throw new AssertionError("expected a reference to a " + type + ", found \"" + id + "\" (" + actual + ")");
        }
        return id;
    }
}
