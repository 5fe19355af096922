package dev.watchpost.infra;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.detect.Detections;
import dev.watchpost.detect.Family;
import dev.watchpost.remediate.Remediations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * One Watchpost deployment in one account and region: the alert topic, the {@link OperationsTopic} every alarm
 * notifies, the {@link StateStore state table} (findings claimed, standing exposures remembered) and one
 * {@link FamilyFunction} per {@link Family}, each with its {@link FamilySchedule} (sweeps of current state, digest,
 * heartbeat); a family without detections fails synthesis rather than deploying an idle function. As the central
 * stack of an organization deployment it also has the {@link CentralBus}, routes it to the same functions, and lets
 * each function assume its family's member role ({@link MemberReach}) and, when the management account is known,
 * list the member-roles StackSet to find the accounts to sweep ({@link MemberDiscovery}). It only composes; each
 * construct owns its own resources and cdk-nag reasons. Every function reads the {@link RuntimeSettingsParameter}.
 * The stack makes no lookups, so one template serves every account and region.
 */
public final class WatchpostStack extends Stack {
    private final StateStore state;
    private final Optional<CentralBus> bus;

    public WatchpostStack(Construct scope, String id, StackProps props, DeploySettings settings) {
        super(scope, id, props);
        AlertTopic alerts = new AlertTopic(this, "Alerts", settings.namePrefix(), settings.alertEmail());
        OperationsTopic operations = new OperationsTopic(this, "Operations", settings.namePrefix(),
                settings.alertEmail());

        // Routing and permissions depend only on event names and remediations, not on the tunable parameters.
        Detections registry = Detections.defaults(DetectionParameters.defaults());
        List<FamilyFunction> built = new ArrayList<>();
        for (Family family : Family.values()) {
            built.add(new FamilyFunction(this, FamilyFunction.typeName(family), new FamilyFunction.Props(family, registry,
                    Remediations.catalog(), alerts, operations, settings.namePrefix(), settings.functionsJar(),
                    settings.logRetention(), settings.tracing(), settings.reservedConcurrency(),
                    settings.functionEnvironment(), settings.isOrganization())));
        }
        List<FamilyFunction> functions = List.copyOf(built);
        RuntimeSettingsParameter runtimeSettings = new RuntimeSettingsParameter(this, "RuntimeSettings",
                settings.namePrefix());
        functions.forEach(function -> runtimeSettings.grantRead(function.role()));
        this.state = new StateStore(this, "State", settings.namePrefix(), alerts.key());
        functions.forEach(function -> {
            function.rememberFindingsIn(state);
            function.rememberExposuresIn(state);
        });
        functions.forEach(function -> new FamilySchedule(this, FamilyFunction.typeName(function.family()) + "Schedule",
                function, settings.sweepSchedules(), operations));

        this.bus = settings.organization().map(organization -> {
            CentralBus central = new CentralBus(this, "Central", settings.namePrefix(), organization.organizationId(),
                    registry);
            functions.forEach(function -> {
                function.alsoRouteFrom(central.bus());
                MemberReach.allow(function, settings.namePrefix(), organization);
                MemberDiscovery.allow(function, settings.namePrefix(), organization);
            });
            return central;
        });

        List<Role> roles = functions.stream().map(FamilyFunction::role).toList();
        functions.forEach(function -> function.recognizeOwnRoles(roles));

        AlertChannels channels = settings.channels();
        Optional<ChatbotChannel> chatbot = channels.chatbot().map(target ->
                new ChatbotChannel(this, "Chatbot", settings.namePrefix(), target, operations));
        chatbot.ifPresent(channel -> functions.forEach(function -> function.alsoNotifyChatbot(channel)));
        if (channels.securityHub()) {
            functions.forEach(FamilyFunction::alsoImportIntoSecurityHub);
        }
        channels.slackWebhookSecretArn().ifPresent(secret -> new SlackNotifier(this, "Slack",
                settings.namePrefix(), secret, channels.slackSeverities(), alerts, operations, settings.functionsJar(),
                settings.logRetention(), settings.tracing(), settings.reservedConcurrency()));
        StackOutputs.add(this, alerts, operations, functions, bus);
    }

    /** The central bus, in an organization deployment. */
    public Optional<CentralBus> bus() {
        return bus;
    }

    public StateStore state() {
        return state;
    }
}
