package dev.watchpost.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.alert.Alert;
import dev.watchpost.alert.EmailText;
import dev.watchpost.alert.FindingDocument;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.network.PrefixListIngress;
import dev.watchpost.detect.network.SecurityGroupAdminPortFromPrefixList;
import dev.watchpost.detect.network.SecurityGroupAdminPortOpen;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.MotoServer;
import dev.watchpost.pipeline.Wiring;
import dev.watchpost.remediate.Outcome;
import dev.watchpost.remediate.OwnAccountTargets;
import dev.watchpost.remediate.RemediationMode;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * The network sweep against moto: in two regions, groups open on 22 and 3389 to {@code 0.0.0.0/0} and {@code ::/0},
 * all traffic, a port range, near misses (a {@code /1}, UDP, egress, a group reference, a {@code /32}) and an exempt
 * group; and SSH rules from two customer-managed prefix lists, one holding {@code 0.0.0.0/0}, one only private ranges.
 * The sweep finds exactly the planted exposures with their severities (of the prefix-list rules, only the one whose
 * list holds the internet), revokes only the offending rule ids in ENFORCE and nothing in DRY_RUN, skips the exempt
 * group with its reason, alerts nothing new the second time, and
 * reports a rule removed between sweeps as resolved. moto does not paginate DescribeSecurityGroupRules: pages are in
 * {@code SweepWireTest}.
 */
class NetworkSweepMotoTest {
    private static final String ACCOUNT = MotoServer.DEFAULT_ACCOUNT;
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();
    private static MotoClients clients;

    /** Per region: the planted groups by role. */
    private final Map<String, Planted> planted = new TreeMap<>();
    private final List<Alert> sent = new ArrayList<>();

    private record Planted(String sshRdp, List<String> sshRdpRules, String allTraffic, String allTrafficRule,
                           String range, String rangeRule, String nearMisses, List<String> nearMissRules,
                           String exempt, String exemptRule, String worldList, String fromWorldList,
                           String fromWorldListRule, String fromOfficeList, String fromOfficeListRule) {}

    @BeforeAll
    static void startMoto() {
        clients = new MotoClients(MOTO.server());
    }

    @BeforeEach
    void plant() {
        for (String region : REGIONS) {
            try (Ec2Client ec2 = clients.ec2(region)) {
                String sshRdp = group(ec2, "ssh-rdp", p -> p.ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(r -> r.cidrIp("0.0.0.0/0")), p -> p.ipProtocol("tcp").fromPort(3389).toPort(3389)
                        .ipv6Ranges(r -> r.cidrIpv6("::/0")));
                String all = group(ec2, "all-traffic", p -> p.ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0")));
                String range = group(ec2, "range", p -> p.ipProtocol("tcp").fromPort(20).toPort(25)
                        .ipRanges(r -> r.cidrIp("0.0.0.0/0")));
                String near = group(ec2, "near-misses",
                        p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/1")),
                        p -> p.ipProtocol("udp").fromPort(22).toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/0")),
                        p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(r -> r.cidrIp("198.51.100.7/32")),
                        p -> p.ipProtocol("tcp").fromPort(3389).toPort(3389)
                                .userIdGroupPairs(g -> g.groupId(sshRdpOrSelf(ec2))));
                ec2.authorizeSecurityGroupEgress(r -> r.groupId(near).ipPermissions(p -> p.ipProtocol("tcp")
                        .fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
                String exempt = group(ec2, "bastion", p -> p.ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(r -> r.cidrIp("0.0.0.0/0")));
                ec2.createTags(r -> r.resources(exempt).tags(t -> t.key(Settings.DEFAULT_EXEMPT_TAG_KEY)
                        .value("jump host until=2999-12-31")));
                String world = prefixList(ec2, "world", "10.0.0.0/8", "0.0.0.0/0");
                String fromWorld = group(ec2, "ssh-from-world-list", p -> p.ipProtocol("tcp").fromPort(22)
                        .toPort(22).prefixListIds(l -> l.prefixListId(world)));
                String office = prefixList(ec2, "office", "10.0.0.0/8", "192.168.0.0/16");
                String fromOffice = group(ec2, "ssh-from-office-list", p -> p.ipProtocol("tcp").fromPort(22)
                        .toPort(22).prefixListIds(l -> l.prefixListId(office)));
                planted.put(region, new Planted(sshRdp, ingress(ec2, sshRdp), all, ingress(ec2, all).getFirst(),
                        range, ingress(ec2, range).getFirst(), near, ingress(ec2, near), exempt,
                        ingress(ec2, exempt).getFirst(), world, fromWorld, ingress(ec2, fromWorld).getFirst(),
                        fromOffice, ingress(ec2, fromOffice).getFirst()));
            }
        }
    }

    @Test
    void findsExactlyThePlantedGroups_withTheirSeverities_inBothRegions() {
        SweepReport report = runner(RemediationMode.DRY_RUN, new InMemoryExposureStore()).run(places());

        assertEquals(List.of(), report.problems());
        Map<String, String> severities = new TreeMap<>();
        for (Alert alert : groupAlerts(report)) {
            severities.put(alert.finding().event().region() + " " + alert.finding().primaryResourceId(),
                    alert.finding().severity().name());
        }
        Map<String, String> expected = new TreeMap<>();
        for (String region : REGIONS) {
            Planted p = planted.get(region);
            expected.put(region + " " + p.sshRdp(), "HIGH");
            expected.put(region + " " + p.allTraffic(), "CRITICAL");
            expected.put(region + " " + p.range(), "HIGH");
            expected.put(region + " " + p.exempt(), "HIGH");
        }
        assertEquals(expected, severities);
    }

    @Test
    void everyFindingSaysItCameFromASweep() {
        SweepReport report = runner(RemediationMode.DRY_RUN, new InMemoryExposureStore()).run(places());

        for (Alert alert : report.alerts()) {
            assertTrue(alert.finding().event().isSweep(), alert.finding().title());
            assertEquals("Sweep", alert.finding().event().reportedEventName());
        }
        assertTrue(EmailText.of(report.alerts().getFirst()).contains("Found by: a sweep of current state"));
        assertEquals("sweep", FindingDocument.of(report.alerts().getFirst()).path("origin").asText());
    }

    @Test
    void revokesOnlyTheOffendingRuleIds_andSkipsTheExemptGroupWithItsReason_inEnforce() {
        SweepReport report = runner(RemediationMode.ENFORCE, new InMemoryExposureStore()).run(places());

        for (String region : REGIONS) {
            Planted p = planted.get(region);
            try (Ec2Client ec2 = clients.ec2(region)) {
                assertEquals(List.of(), ingress(ec2, p.sshRdp()), region + " ssh/rdp revoked");
                assertEquals(List.of(), ingress(ec2, p.allTraffic()), region + " all traffic revoked");
                assertEquals(List.of(), ingress(ec2, p.range()), region + " range revoked");
                assertEquals(new TreeSet<>(p.nearMissRules()), new TreeSet<>(ingress(ec2, p.nearMisses())),
                        region + " near misses untouched");
                assertEquals(List.of(p.exemptRule()), ingress(ec2, p.exempt()), region + " exempt group untouched");
                assertEquals(1, egress(ec2, p.nearMisses()).stream()
                        .filter(rule -> rule.fromPort() != null && rule.fromPort() == 22).count(), "egress untouched");
            }
            Alert exempt = groupAlerts(report).stream()
                    .filter(a -> a.finding().primaryResourceId().equals(p.exempt())).findFirst().orElseThrow();
            String summary = exempt.outcome().orElseThrow().summary();
            assertTrue(summary.startsWith("Skipped: exempt by tag watchpost:exempt: jump host (until 2999-12-31)"),
                    summary);
        }
    }

    @Test
    void reportsTheRuleFromAListHoldingTheInternet_andNothingForAListOfPrivateRanges() {
        SweepReport report = runner(RemediationMode.DRY_RUN, new InMemoryExposureStore()).run(places());

        assertEquals(List.of(), report.problems());
        Map<String, List<String>> found = new TreeMap<>();
        prefixListAlerts(report).forEach(alert -> found.put(alert.finding().event().region() + " "
                + alert.finding().primaryResourceId(), ((PrefixListIngress) alert.finding().details()).ruleIds()));
        Map<String, List<String>> expected = new TreeMap<>();
        for (String region : REGIONS) {
            Planted p = planted.get(region);
            expected.put(region + " " + p.fromWorldList(), List.of(p.fromWorldListRule()));
        }
        assertEquals(expected, found);
        Alert alert = prefixListAlerts(report).getFirst();
        String world = planted.get(alert.finding().event().region()).worldList();
        assertEquals(world + " holds 0.0.0.0/0", alert.finding().context().get("prefixListEntries"));
        assertTrue(alert.finding().title().endsWith("; " + world + " holds 0.0.0.0/0"), alert.finding().title());
    }

    @Test
    void revokesOnlyTheRuleFromTheListHoldingTheInternet_inEnforce() {
        SweepReport report = runner(RemediationMode.ENFORCE, new InMemoryExposureStore()).run(places());

        for (String region : REGIONS) {
            Planted p = planted.get(region);
            try (Ec2Client ec2 = clients.ec2(region)) {
                assertEquals(List.of(), ingress(ec2, p.fromWorldList()), region + " rule from the world list revoked");
                assertEquals(List.of(p.fromOfficeListRule()), ingress(ec2, p.fromOfficeList()),
                        region + " rule from the office list untouched");
            }
        }
        assertTrue(prefixListAlerts(report).stream().allMatch(a -> a.outcome().orElseThrow()
                instanceof Outcome.Applied), report.alerts().toString());
    }

    @Test
    void revokesNothing_inDryRun() {
        runner(RemediationMode.DRY_RUN, new InMemoryExposureStore()).run(places());

        for (String region : REGIONS) {
            Planted p = planted.get(region);
            try (Ec2Client ec2 = clients.ec2(region)) {
                assertEquals(new TreeSet<>(p.sshRdpRules()), new TreeSet<>(ingress(ec2, p.sshRdp())));
                assertEquals(List.of(p.allTrafficRule()), ingress(ec2, p.allTraffic()));
                assertEquals(List.of(p.rangeRule()), ingress(ec2, p.range()));
                assertEquals(List.of(p.fromWorldListRule()), ingress(ec2, p.fromWorldList()));
            }
        }
    }

    @Test
    void skipsEveryRemediation_andRevokesNothing_whenOff() {
        SweepReport report = runner(RemediationMode.OFF, new InMemoryExposureStore()).run(places());

        assertTrue(groupAlerts(report).stream().allMatch(a -> a.outcome().orElseThrow().summary()
                .equals("Skipped: remediation is OFF for network.sg-admin-port-open")), report.alerts().toString());
        try (Ec2Client ec2 = clients.ec2("us-east-1")) {
            assertEquals(List.of(planted.get("us-east-1").allTrafficRule()),
                    ingress(ec2, planted.get("us-east-1").allTraffic()));
        }
    }

    @Test
    void alertsNothingNew_onTheSecondSweep() {
        ExposureStore memory = new InMemoryExposureStore();
        SweepReport first = runner(RemediationMode.DRY_RUN, memory).run(places());
        sent.clear();

        SweepReport second = runner(RemediationMode.DRY_RUN, memory).run(places());

        assertEquals(List.of(), second.alerts());
        assertEquals(List.of(), sent, "nothing sent");
        assertEquals(first.alerts().size(), second.standing().size());
        assertTrue(second.standing().stream().filter(e -> e.detection().equals(SecurityGroupAdminPortOpen.ID))
                .allMatch(e -> e.why().startsWith("Planned (DRY_RUN)")), second.standing().toString());
    }

    @Test
    void reportsARuleRemovedBetweenSweeps_asResolved() {
        ExposureStore memory = new InMemoryExposureStore();
        runner(RemediationMode.DRY_RUN, memory).run(places());
        Planted east = planted.get("us-east-1");
        try (Ec2Client ec2 = clients.ec2("us-east-1")) {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(east.range()).securityGroupRuleIds(east.rangeRule()));
        }

        SweepReport second = runner(RemediationMode.DRY_RUN, memory).run(places());

        assertEquals(List.of("us-east-1 " + east.range()), second.resolved().stream()
                .map(e -> e.region() + " " + e.resource()).toList());
        assertEquals(List.of(), second.alerts());
    }

    private SweepRunner runner(RemediationMode mode, ExposureStore memory) {
        Settings settings = Settings.fromEnvironment(Map.of());
        Detections detections = Wiring.detectionsOf(Family.NETWORK, settings);
        Remediator remediator = new Remediator(Remediations.forDetections(detections.ids(),
                settings.exemptTagKey(), Clock.systemUTC()), Map.of(SecurityGroupAdminPortOpen.ID, mode,
                SecurityGroupAdminPortFromPrefixList.ID, mode, "network.nacl-admin-port-open", mode),
                new OwnAccountTargets(ACCOUNT, clients));
        Sweep sweep = Sweeps.of(Family.NETWORK, detections, settings.namePrefix(), 5, Optional.empty());
        return new SweepRunner(sweep, new OwnAccountTargets(ACCOUNT, clients), remediator, List.of(sent::add),
                memory, Clock.systemUTC(), 2);
    }

    private static List<Place> places() {
        return REGIONS.stream().map(region -> new Place(ACCOUNT, region)).toList();
    }

    private static List<Alert> groupAlerts(SweepReport report) {
        return report.alerts().stream()
                .filter(a -> a.finding().detection().id().equals(SecurityGroupAdminPortOpen.ID)).toList();
    }

    private static List<Alert> prefixListAlerts(SweepReport report) {
        return report.alerts().stream()
                .filter(a -> a.finding().detection().id().equals(SecurityGroupAdminPortFromPrefixList.ID)).toList();
    }

    private static String prefixList(Ec2Client ec2, String name, String... cidrs) {
        return ec2.createManagedPrefixList(r -> r.prefixListName(name).addressFamily("IPv4").maxEntries(10)
                .entries(Arrays.stream(cidrs).map(cidr -> AddPrefixListEntry.builder().cidr(cidr).build()).toList()))
                .prefixList().prefixListId();
    }

    @SafeVarargs
    private static String group(Ec2Client ec2, String name, Consumer<IpPermission.Builder>... permissions) {
        String id = ec2.createSecurityGroup(r -> r.groupName(name).description(name)).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(Arrays.stream(permissions)
                .map(p -> {
                    IpPermission.Builder builder = IpPermission.builder();
                    p.accept(builder);
                    return builder.build();
                }).toList()));
        return id;
    }

    private static String sshRdpOrSelf(Ec2Client ec2) {
        return ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("ssh-rdp")))
                .securityGroups().getFirst().groupId();
    }

    private static List<String> ingress(Ec2Client ec2, String group) {
        return rules(ec2, group).stream().filter(rule -> !rule.isEgress())
                .map(SecurityGroupRule::securityGroupRuleId).collect(Collectors.toList());
    }

    private static List<SecurityGroupRule> egress(Ec2Client ec2, String group) {
        return rules(ec2, group).stream().filter(SecurityGroupRule::isEgress).toList();
    }

    private static List<SecurityGroupRule> rules(Ec2Client ec2, String group) {
        return ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                .securityGroupRules();
    }

}
