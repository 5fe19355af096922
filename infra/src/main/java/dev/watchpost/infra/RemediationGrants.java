package dev.watchpost.infra;

import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.RemediationInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What one family's function may call for its remediations: exactly the IAM actions they declare
 * ({@link RemediationInfo#iamActions()}), each on the resource pattern the remediation declares for it
 * ({@link RemediationInfo#resourcesFor}), with the {@code {partition}}, {@code {region}} and {@code {account}}
 * placeholders bound to the deployment. Nothing is added here: an action without a declared pattern is granted on
 * {@code *} because IAM supports no narrower resource for it. Immutable.
 *
 * @param family            the family whose remediations these are
 * @param remediations      the remediations that answer the family's detections, in catalog order
 * @param resourcesByAction every declared action → its resource patterns (placeholders unbound), both sorted
 */
public record RemediationGrants(Family family, List<RemediationInfo> remediations,
                                SortedMap<String, SortedSet<String>> resourcesByAction) {
    /** An IAM action that names one API call: {@code service:Operation}, no wildcard. */
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    /** Placeholder → the CloudFormation pseudo parameter it is bound to. */
    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "partition", "AWS::Partition",
            "region", "AWS::Region",
            "account", "AWS::AccountId");
    /** Placeholder → the CDK token of that pseudo parameter. */
    private static final Map<String, String> TOKENS = Map.of(
            "partition", Aws.PARTITION,
            "region", Aws.REGION,
            "account", Aws.ACCOUNT_ID);
    /**
     * The bindings of a member role: created once per account (IAM is global) but acting in every region, so
     * {@code {region}} becomes {@code *}; the account is still the role's own.
     */
    private static final Map<String, String> EVERY_REGION_TOKENS = Map.of(
            "partition", Aws.PARTITION,
            "region", "*",
            "account", Aws.ACCOUNT_ID);
    private static final Map<String, String> EVERY_REGION_AS_NAG_PRINTS_IT = Map.of(
            "partition", "<AWS::Partition>",
            "region", "*",
            "account", "<AWS::AccountId>");

    public RemediationGrants {
        remediations = List.copyOf(remediations);
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        resourcesByAction.forEach((action, resources) ->
                copy.put(action, Collections.unmodifiableSortedSet(new TreeSet<>(resources))));
        resourcesByAction = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The grants of {@code family}: the remediations in {@code catalog} whose detection belongs to it.
     *
     * @throws IllegalArgumentException a remediation answers a detection the registry does not have, declares an
     *                                  action with a wildcard, or scopes one with an unknown placeholder
     */
    public static RemediationGrants of(Detections registry, List<RemediationInfo> catalog, Family family) {
        List<RemediationInfo> remediations = new ArrayList<>();
        SortedMap<String, SortedSet<String>> resources = new TreeMap<>();
        for (RemediationInfo remediation : catalog) {
            Detection detection = registry.byId(remediation.detectionId()).orElseThrow(() -> new IllegalArgumentException(
                    "remediation " + remediation.id() + " answers unknown detection " + remediation.detectionId()));
            if (detection.info().family() != family) {
                continue;
            }
            remediations.add(remediation);
            for (String action : remediation.iamActions()) {
                for (String resource : remediation.resourcesFor(action)) {
                    check(remediation, action, resource);
                    resources.computeIfAbsent(action, a -> new TreeSet<>()).add(resource);
                }
            }
        }
        return new RemediationGrants(family, remediations, resources);
    }

    public SortedSet<String> actions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(resourcesByAction.keySet()));
    }

    /** The actions IAM only authorizes on {@code *} (describe calls, account-wide settings). */
    public SortedSet<String> unscopedActions() {
        SortedSet<String> out = new TreeSet<>();
        resourcesByAction.forEach((action, resources) -> {
            if (resources.contains(RemediationInfo.ANY_RESOURCE)) {
                out.add(action);
            }
        });
        return out;
    }

    /** The actions granted on a pattern that ends in a wildcard ({@code …:security-group/*}). */
    public SortedSet<String> patternScopedActions() {
        SortedSet<String> out = new TreeSet<>();
        resourcesByAction.forEach((action, resources) -> {
            if (resources.stream().anyMatch(RemediationGrants::isWildcardPattern)) {
                out.add(action);
            }
        });
        return out;
    }

    /**
     * The wildcard patterns as cdk-nag prints them in its IAM5 findings, e.g.
     * {@code arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:security-group/*}, for written suppressions.
     */
    public SortedSet<String> wildcardPatternsAsNagPrintsThem() {
        return wildcardPatterns(name -> "<" + PSEUDO_PARAMETERS.get(name) + ">");
    }

    /** {@link #wildcardPatternsAsNagPrintsThem()} of {@link #statementsInEveryRegion()}. */
    public SortedSet<String> wildcardPatternsInEveryRegionAsNagPrintsThem() {
        return wildcardPatterns(EVERY_REGION_AS_NAG_PRINTS_IT::get);
    }

    /** One allow statement per distinct resource set, in a stable order; empty when there is nothing to grant. */
    public List<PolicyStatement> statements() {
        return statements(TOKENS::get);
    }

    /**
     * {@link #statements()} with {@code {region}} bound to {@code *}: the same actions on the same resource types in
     * this account, in every region. For a member role, which one stack creates for the whole account.
     */
    public List<PolicyStatement> statementsInEveryRegion() {
        return statements(EVERY_REGION_TOKENS::get);
    }

    private List<PolicyStatement> statements(Function<String, String> binding) {
        Map<SortedSet<String>, List<String>> actionsByResources = new LinkedHashMap<>();
        resourcesByAction.forEach((action, resources) ->
                actionsByResources.computeIfAbsent(resources, r -> new ArrayList<>()).add(action));
        List<PolicyStatement> statements = new ArrayList<>();
        actionsByResources.forEach((resources, actions) -> statements.add(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources.stream().map(pattern -> arn(pattern, binding)).toList())
                .build()));
        return statements;
    }

    private SortedSet<String> wildcardPatterns(Function<String, String> binding) {
        SortedSet<String> out = new TreeSet<>();
        resourcesByAction.values().forEach(resources -> resources.stream()
                .filter(RemediationGrants::isWildcardPattern)
                .forEach(pattern -> out.add(bind(pattern, binding))));
        return out;
    }

    /** A declared pattern bound to this deployment's partition, region and account (CloudFormation tokens). */
    static String arn(String pattern) {
        return arn(pattern, TOKENS::get);
    }

    private static String arn(String pattern, Function<String, String> binding) {
        return RemediationInfo.ANY_RESOURCE.equals(pattern) ? pattern : bind(pattern, binding);
    }

    private static boolean isWildcardPattern(String resource) {
        return !RemediationInfo.ANY_RESOURCE.equals(resource) && resource.contains("*");
    }

    private static String bind(String pattern, Function<String, String> value) {
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void check(RemediationInfo remediation, String action, String resource) {
        String where = "remediation " + remediation.id() + ", action " + action;
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException(where + ": an IAM action must name one call (service:Operation), "
                    + "without wildcards");
        }
        if (RemediationInfo.ANY_RESOURCE.equals(resource)) {
            return;
        }
        if (!resource.startsWith("arn:{partition}:")) {
            throw new IllegalArgumentException(where + ": resource \"" + resource
                    + "\" must be an ARN pattern starting with arn:{partition}:");
        }
        Matcher matcher = PLACEHOLDER.matcher(resource);
        while (matcher.find()) {
            if (!TOKENS.containsKey(matcher.group(1))) {
                throw new IllegalArgumentException(where + ": resource \"" + resource + "\" uses unknown placeholder "
                        + matcher.group() + " (known: {partition}, {region}, {account})");
            }
        }
    }
}
