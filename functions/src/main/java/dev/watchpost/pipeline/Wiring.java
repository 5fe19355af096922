package dev.watchpost.pipeline;

import dev.watchpost.alert.AlertSink;
import dev.watchpost.alert.ChatbotSink;
import dev.watchpost.alert.SecurityHubSink;
import dev.watchpost.alert.SnsAlertSink;
import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.ClientFactory;
import dev.watchpost.remediate.ExemptionWitness;
import dev.watchpost.remediate.MemberRoleTargets;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.remediate.ModeSource;
import dev.watchpost.remediate.OwnAccountTargets;
import dev.watchpost.remediate.Remediation;
import dev.watchpost.remediate.Remediations;
import dev.watchpost.remediate.Remediator;
import dev.watchpost.remediate.Targets;
import dev.watchpost.state.DynamoFindingLedger;
import dev.watchpost.state.FindingLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds a family's pipeline from configuration, by hand (no DI framework, no reflection). Everything here runs once
 * per container, at init, so the first event pays for none of it.
 */
public final class Wiring {
    /** Set by Lambda: the region the function runs in, where Security Hub findings are imported. */
    public static final String AWS_REGION = "AWS_REGION";

    private Wiring() {}

    /** The detections of one family, from the full registry. */
    public static Detections detectionsOf(Family family, Settings settings) {
        List<Detection> all = Detections.defaults(settings.detection()).byFamily().getOrDefault(family, List.of());
        return new Detections(all);
    }

    /** Fails with the variable's name when a mode names a detection Watchpost does not have. */
    public static void checkModes(Settings settings) {
        Detections all = Detections.defaults(settings.detection());
        for (String id : settings.remediationModes().keySet()) {
            if (all.byId(id).isEmpty()) {
                String known = all.all().stream().map(d -> d.info().id()).sorted().collect(Collectors.joining(", "));
                throw new InvalidSettingException(Settings.REMEDIATION_MODES, id, "unknown detection id; known: " + known);
            }
        }
    }

    /** The deploy-time modes alone: no runtime settings are read (SnapStart priming, tests). */
    public static ModeSource deployModes(Settings settings) {
        return ModeSource.fixed(settings.remediationModes());
    }

    /**
     * The Lambda pipeline of one family: real SDK clients, remediation allowed, alerts to the SNS topic and, when
     * configured, to Security Hub and the AWS Chatbot topic; {@code modes} builds the mode source from the settings
     * (the function's: the runtime settings parameter over the deploy-time modes). When {@value Settings#STATE_TABLE}
     * names a table, findings are claimed in it ({@link DynamoFindingLedger}) so that one container handles each;
     * DynamoDB is asked for only then.
     */
    public static Pipeline lambdaPipeline(Family family, Map<String, String> env, ClientFactory clients,
                                          Supplier<StsClient> sts, AlertClients alertClients,
                                          Function<Settings, ModeSource> modes, Supplier<DynamoDbClient> dynamo) {
        Settings settings = Settings.fromEnvironment(env);
        if (settings.topicArn().isEmpty()) {
            throw new InvalidSettingException(Settings.TOPIC_ARN, "", "required: the SNS topic that receives alerts");
        }
        checkModes(settings);
        Detections detections = detectionsOf(family, settings);
        Clock clock = Clock.systemUTC();
        ExemptionWitness witness = new ExemptionWitness();
        Remediator remediator = remediator(family, settings, env, clients, sts, clock, modes.apply(settings),
                witness);
        LoopGuard loopGuard = settings.reach().memberRoles()
                ? LoopGuard.withMemberRoles(settings.ownRoleArns(), settings.namePrefix())
                : LoopGuard.of(settings.ownRoleArns());
        FindingLedger ledger = settings.stateTable().isEmpty() ? FindingLedger.none()
                : new DynamoFindingLedger(dynamo.get(), settings.stateTable());
        return new Pipeline(detections, remediator, alertSinks(settings, env, alertClients), loopGuard, clock,
                witness::observe, ledger);
    }

    /** The family's remediator, in the modes {@code modes} gives, acting where {@link #targets} reaches. */
    public static Remediator remediator(Family family, Settings settings, Map<String, String> env,
                                        ClientFactory clients, Supplier<StsClient> sts, Clock clock, ModeSource modes) {
        return remediator(family, settings, env, clients, sts, clock, modes, new ExemptionWitness());
    }

    private static Remediator remediator(Family family, Settings settings, Map<String, String> env,
                                         ClientFactory clients, Supplier<StsClient> sts, Clock clock,
                                         ModeSource modes, ExemptionWitness witness) {
        List<Remediation> remediations = Remediations.forDetections(detectionsOf(family, settings).ids(),
                settings.exemptTagKey(), clock, witness);
        return new Remediator(remediations, modes, targets(family, settings, env, clients, sts, clock));
    }

    /**
     * Where the family's remediations may act: the own account only, or, in an organization deployment, also every
     * member account through the family's member role there. STS is asked for only in the latter.
     */
    public static Targets targets(Family family, Settings settings, Map<String, String> env, ClientFactory clients,
                                  Supplier<StsClient> sts, Clock clock) {
        OwnAccountTargets own = new OwnAccountTargets(settings.reach().ownAccount(), clients);
        if (!settings.reach().memberRoles()) {
            return own;
        }
        return new MemberRoleTargets(own, sts.get(), clients,
                MemberRoles.partitionOf(env.getOrDefault(AWS_REGION, "")), settings.namePrefix(), family,
                settings.reach().externalId(), clock);
    }

    /**
     * The SNS topic first (e-mail, Slack, SQS hang off it), then Security Hub and Chatbot when configured. Security Hub
     * imports into this function's own account and region, whichever member account the event comes from.
     */
    public static List<AlertSink> alertSinks(Settings settings, Map<String, String> env, AlertClients clients) {
        List<AlertSink> sinks = new ArrayList<>();
        sinks.add(new SnsAlertSink(clients.sns(), settings.topicArn()));
        if (settings.alerts().securityHub()) {
            sinks.add(new SecurityHubSink(clients.securityHub().get(), env.getOrDefault(AWS_REGION, ""),
                    settings.reach().ownAccount()));
        }
        if (!settings.alerts().chatbotTopicArn().isEmpty()) {
            sinks.add(new ChatbotSink(clients.sns(), settings.alerts().chatbotTopicArn()));
        }
        return sinks;
    }
}
