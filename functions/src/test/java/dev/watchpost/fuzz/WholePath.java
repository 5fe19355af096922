package dev.watchpost.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.watchpost.alert.Alert;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingDetails;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.detect.audit.TrailTarget;
import dev.watchpost.detect.hardening.ImdsTargets;
import dev.watchpost.detect.hardening.SharedSnapshot;
import dev.watchpost.detect.network.IngressPermission;
import dev.watchpost.detect.network.OpenSecurityGroupIngress;
import dev.watchpost.detect.network.PrefixListIngress;
import dev.watchpost.detect.network.RuleChange;
import dev.watchpost.event.Cidr;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.MalformedEventException;
import dev.watchpost.pipeline.PipelineResult;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.Plan;
import dev.watchpost.remediate.RemediationMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole path a Lambda takes, checked on one input: raw bytes → {@code CloudTrailEvent.parse} → every detection
 * that applies → the offline pipeline (remediator on ENFORCE that may not apply). Shared by the byte-level and the
 * structured event fuzz targets. The properties, each an assertion that fails the input:
 * <ol>
 *   <li>parsing fails only with {@link MalformedEventException}, and the pipeline reports exactly those inputs as
 *       malformed and throws on none;</li>
 *   <li>no detection throws, and each is deterministic: evaluating it twice on the event gives equal findings;</li>
 *   <li>the pipeline alerts exactly the findings the detections give (none lost, none invented), or nothing at all
 *       for an event made by Watchpost's own role;</li>
 *   <li>a remediation is asked to plan only for a finding the pipeline alerts, once per finding, and only by the
 *       remediation of the detection that fired; ENFORCE offline becomes a plan, never an action, and no AWS client
 *       is called;</li>
 *   <li>each plan follows from its finding: it targets only what the finding names, a security-group revoke's
 *       permissions really open an admin port to the internet, and a prefix-list revoke's rules really let a
 *       prefix list reach an admin port;</li>
 *   <li>every undo command, and every command a finding suggests (its {@code …Command} facts, e.g. the network ACL
 *       finding's {@code fixCommand}), is safe to paste into a POSIX shell.</li>
 * </ol>
 * Stateless.
 */
final class WholePath {
    private WholePath() {}

    /** Runs and checks one input; returns the alerts it raised (empty for malformed input). */
    static List<Alert> check(byte[] raw) {
        CloudTrailEvent event;
        try {
            event = CloudTrailEvent.parse(raw);
        } catch (MalformedEventException e) {
            event = null;
        }
        OfflineWatchpost watchpost = new OfflineWatchpost();
        PipelineResult result = watchpost.pipeline.process(raw, "fuzz input", watchpost.telemetry());
        assertTrue(watchpost.problems.isEmpty(), () -> "problems: " + watchpost.problems);
        if (event == null) {
            assertEquals(PipelineResult.Status.MALFORMED, result.status());
            assertEquals(1, watchpost.malformed.size(), () -> "malformed: " + watchpost.malformed);
            assertTrue(watchpost.sent.isEmpty() && watchpost.plans.isEmpty(), "nothing happens to a malformed event");
            return List.of();
        }
        assertTrue(watchpost.malformed.isEmpty(), () -> "a readable event was reported malformed: "
                + watchpost.malformed);
        List<Finding> expected = detectTwice(event);
        if (result.status() == PipelineResult.Status.OWN_EVENT) {
            assertTrue(watchpost.sent.isEmpty() && watchpost.plans.isEmpty(), "Watchpost's own events are ignored");
            return List.of();
        }
        assertEquals(PipelineResult.Status.PROCESSED, result.status());
        assertEquals(result.alerts(), watchpost.sent, "every alert reaches the sink, in order");
        assertEquals(shapes(expected), shapes(result.alerts().stream().map(Alert::finding).toList()),
                "the pipeline alerts exactly what the detections find");
        checkPlans(watchpost, result.alerts());
        assertTrue(watchpost.calledNoAws(), () -> "offline run called AWS: " + watchpost.ec2.calls + " "
                + watchpost.cloudTrail.started);
        return result.alerts();
    }

    /** Every applicable detection's findings, asserting that a second evaluation gives equal ones. */
    private static List<Finding> detectTwice(CloudTrailEvent event) {
        List<Finding> all = new ArrayList<>();
        for (Detection detection : OfflineWatchpost.DETECTIONS.forEvent(event)) {
            List<Finding> first = detection.evaluate(event);
            List<Finding> second = detection.evaluate(event);
            assertEquals(first, second, () -> detection.info().id() + " is not deterministic");
            for (Finding finding : first) {
                assertSame(detection.info(), finding.detection(), "a finding names the detection that made it");
                assertFalse(finding.title().isBlank(), "a finding has a title");
                checkCommands(finding);
            }
            all.addAll(first);
        }
        return all;
    }

    /** Every command the finding suggests (a context fact named {@code …Command}) is safe to paste into a shell. */
    static void checkCommands(Finding finding) {
        finding.context().forEach((fact, value) -> {
            if (fact.endsWith("Command")) {
                ShellSafety.problem(value).ifPresent(problem -> fail(fact + " of " + finding.detection().id()
                        + " is not safe to paste (" + problem + "): " + value));
            }
        });
    }

    /** What identifies a finding apart from the event object it holds. */
    private record Shape(String detection, Severity severity, String title, List<Resource> resources,
                         Map<String, String> context, FindingDetails details) {}

    private static List<Shape> shapes(List<Finding> findings) {
        return findings.stream().map(f -> new Shape(f.detection().id(), f.severity(), f.title(), f.resources(),
                f.context(), f.details())).toList();
    }

    private static void checkPlans(OfflineWatchpost watchpost, List<Alert> alerts) {
        Set<Finding> planned = new HashSet<>();
        for (OfflineWatchpost.PlanCall call : watchpost.plans) {
            Finding finding = call.finding();
            assertTrue(alerts.stream().anyMatch(alert -> alert.finding() == finding),
                    () -> "planned for a finding that was not alerted: " + finding.dedupKey());
            assertTrue(planned.add(finding), () -> "planned twice for " + finding.dedupKey());
            assertEquals(finding.detection().id(),
                    watchpost.remediator.remediationFor(finding.detection().id()).orElseThrow().info().detectionId());
        }
        for (Alert alert : alerts) {
            Finding finding = alert.finding();
            Optional<OfflineWatchpost.PlanCall> call = watchpost.plans.stream()
                    .filter(c -> c.finding() == finding).findFirst();
            boolean remediable = watchpost.remediator.remediationFor(finding.detection().id()).isPresent();
            assertEquals(remediable, call.isPresent(), () -> "plan asked for " + finding.dedupKey());
            Optional<Plan> plan = call.flatMap(OfflineWatchpost.PlanCall::plan);
            assertEquals(plan.isPresent(), alert.outcome().isPresent(), "an outcome exactly when there is a plan");
            if (plan.isPresent()) {
                Outcome outcome = alert.outcome().orElseThrow();
                assertInstanceOf(Outcome.Planned.class, outcome, "offline, ENFORCE only plans");
                assertEquals(plan.get().withMode(RemediationMode.ENFORCE), outcome.plan());
                checkPlanFollowsFinding(plan.get(), finding);
            }
        }
    }

    private static void checkPlanFollowsFinding(Plan plan, Finding finding) {
        assertFalse(plan.targets().isEmpty(), () -> plan.action() + " plans with no target");
        assertTrue(plan.targets().stream().noneMatch(String::isBlank), () -> plan.action() + " has a blank target");
        ShellSafety.problem(plan.undoCommand()).ifPresent(problem ->
                fail("undo command of " + plan.action() + " is not safe to paste (" + problem + "): "
                        + plan.undoCommand()));
        switch (finding.details()) {
            case OpenSecurityGroupIngress open -> {
                List<String> named = new ArrayList<>(open.ruleIds());
                open.permissions().forEach(p -> named.add(p.display()));
                assertTrue(named.containsAll(plan.targets()), () -> "revoke targets " + plan.targets()
                        + " beyond the finding's " + named);
                open.permissions().forEach(WholePath::checkReallyOpen);
                assertFalse(open.groupId().isEmpty() && open.groupName().isEmpty(), "a revoke names its group");
            }
            case PrefixListIngress lists -> {
                List<String> named = new ArrayList<>(lists.ruleIds());
                lists.rules().forEach(rule -> named.add(rule.display()));
                assertTrue(named.containsAll(plan.targets()), () -> "prefix-list revoke targets " + plan.targets()
                        + " beyond the finding's " + named);
                lists.rules().forEach(rule -> assertTrue(rule.kind() == RuleChange.SourceKind.PREFIX_LIST
                        && !lists.exposure().adminPortsReached(rule).isEmpty(), () -> "revoke of a rule that lets "
                        + "no prefix list reach an admin port: " + rule));
                assertFalse(lists.groupId().isEmpty() && lists.groupName().isEmpty(), "a revoke names its group");
            }
            case ImdsTargets imds -> assertEquals(imds.accountDefault() ? List.of("account default")
                    : imds.instanceIds(), plan.targets());
            case TrailTarget trail -> assertEquals(List.of(trail.nameOrArn()), plan.targets());
            case SharedSnapshot snapshot -> {
                assertTrue(snapshot.everyone(), "only a public snapshot is made private");
                assertEquals(List.of(snapshot.snapshotId()), plan.targets());
            }
            default -> assertEquals(List.of(finding.event().account() + "/" + finding.event().region()),
                    plan.targets(), () -> plan.action() + " targets more than the account setting");
        }
    }

    /** The detection's own claim, checked again from the permission alone. */
    private static void checkReallyOpen(IngressPermission permission) {
        Optional<Cidr> cidr = Cidr.parse(permission.cidr());
        assertTrue(cidr.isPresent() && OfflineWatchpost.PARAMETERS.isInternet(cidr.get()),
                () -> "revoke of a permission that is not open to the internet: " + permission);
        assertEquals(cidr.get().ipv6(), permission.ipv6(), () -> "address family of " + permission);
        assertTrue(permission.isAllTraffic() || permission.protocol().equals("tcp"),
                () -> "revoke of a non-TCP permission: " + permission);
        assertTrue(OfflineWatchpost.PARAMETERS.adminPorts().stream().anyMatch(permission.ports()::contains),
                () -> "revoke of a permission that opens no admin port: " + permission);
    }
}
