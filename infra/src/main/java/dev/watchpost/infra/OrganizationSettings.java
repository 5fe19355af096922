package dev.watchpost.infra;

import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.audit.WatchpostResources;
import dev.watchpost.pipeline.LoopGuard;
import dev.watchpost.remediate.MemberRoles;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awscdk.Aws;

/**
 * Where an organization deployment reaches, read with the other settings and checked before any construct exists:
 * {@value #DEPLOYMENT} {@code =account} (the default) needs none of these keys and refuses them, so a half-configured
 * organization never deploys as a single account by accident; {@value #DEPLOYMENT}{@code =organization} needs the
 * organization, the central account and its region, and the OUs to reach. Immutable.
 *
 * @param organizationId the AWS Organization, {@code o-…} ({@value #ORGANIZATION_ID}); every trust and bus policy is
 *                       conditioned on it
 * @param centralAccount the account of the central stack, where the functions run ({@value #CENTRAL_ACCOUNT})
 * @param homeRegion     the central stack's region: the central bus, the function roles' names, and where the
 *                       member-roles StackSet deploys ({@value #HOME_REGION})
 * @param targetOus      organizational units or the root ({@code ou-…}, {@code r-…}) the StackSets deploy to, and
 *                       accounts later joining them ({@value #TARGET_OUS})
 * @param regions        the regions the forwarder StackSet covers, {@code homeRegion} always first ({@value #REGIONS})
 * @param externalId     the {@code sts:ExternalId} member roles require, if any ({@value #EXTERNAL_ID})
 * @param callAs         whether the StackSets are administered from the management account or a delegated
 *                       administrator ({@value #CALL_AS})
 * @param managementAccount the organization's management account ({@value #MANAGEMENT_ACCOUNT}), which owns every
 *                       service-managed StackSet (those a delegated administrator creates too); when given, the sweeps
 *                       find member accounts in the member-roles StackSet ({@link #sweepDiscovery})
 */
public record OrganizationSettings(String organizationId, String centralAccount, String homeRegion,
                                   List<String> targetOus, List<String> regions, Optional<String> externalId,
                                   CallAs callAs, Optional<String> managementAccount) {
    public static final String DEPLOYMENT = "deployment";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String CENTRAL_ACCOUNT = "centralAccount";
    public static final String HOME_REGION = "homeRegion";
    public static final String TARGET_OUS = "targetOus";
    public static final String REGIONS = "regions";
    public static final String EXTERNAL_ID = "externalId";
    public static final String CALL_AS = "callAs";
    public static final String MANAGEMENT_ACCOUNT = "managementAccount";

    /** The keys only an organization deployment reads. */
    static final List<String> KEYS = List.of(ORGANIZATION_ID, CENTRAL_ACCOUNT, HOME_REGION, TARGET_OUS, REGIONS,
            EXTERNAL_ID, CALL_AS, MANAGEMENT_ACCOUNT);

    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern TARGET = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}");

    /** The value of {@value #DEPLOYMENT}. */
    public enum Mode {
        /** One account and region: today's stack, no bus, no member roles. */
        ACCOUNT,
        /** A central stack for a whole AWS Organization, with member roles and forwarders rolled out by StackSets. */
        ORGANIZATION;

        /** As it is written in the settings: {@code account}, {@code organization}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** CloudFormation's {@code CallAs} of a service-managed StackSet. */
    public enum CallAs {
        /** The StackSets stack is deployed in the management account. */
        SELF,
        /** The StackSets stack is deployed in an account registered as a StackSets delegated administrator. */
        DELEGATED_ADMIN
    }

    public OrganizationSettings {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(centralAccount, "centralAccount");
        Objects.requireNonNull(homeRegion, "homeRegion");
        targetOus = List.copyOf(targetOus);
        regions = List.copyOf(regions);
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(callAs, "callAs");
        Objects.requireNonNull(managementAccount, "managementAccount");
    }

    /**
     * The organization settings, or empty in account mode.
     *
     * @param context a key → its value as text, empty when unset (see {@link DeploySettings#fromContext})
     * @throws IllegalArgumentException an unusable or missing value; the message names the key
     */
    static Optional<OrganizationSettings> fromContext(Function<String, Optional<String>> context) {
        Mode mode = oneOf(DEPLOYMENT, context.apply(DEPLOYMENT).orElse("account"), Mode.class);
        if (mode == Mode.ACCOUNT) {
            for (String key : KEYS) {
                if (context.apply(key).isPresent()) {
                    throw new IllegalArgumentException("context " + key + " is set but " + DEPLOYMENT
                            + " is account: set " + DEPLOYMENT + "=organization, or remove " + key);
                }
            }
            return Optional.empty();
        }
        String organization = required(context, ORGANIZATION_ID);
        check(ORGANIZATION_ID, organization, ORGANIZATION, "expected o- and 10-32 lowercase letters or digits");
        String central = required(context, CENTRAL_ACCOUNT);
        check(CENTRAL_ACCOUNT, central, MemberRoles.ACCOUNT_ID, "expected a 12-digit AWS account id");
        String home = required(context, HOME_REGION);
        check(HOME_REGION, home, MemberRoles.REGION, "expected a region name such as eu-west-1");

        List<String> targets = Settings.commaSeparated(required(context, TARGET_OUS));
        targets.forEach(target -> check(TARGET_OUS, target, TARGET,
                "expected organizational unit ids (ou-…) or the root id (r-…)"));

        Set<String> regions = new LinkedHashSet<>(List.of(home));
        for (String region : Settings.commaSeparated(context.apply(REGIONS).orElse(home))) {
            check(REGIONS, region, MemberRoles.REGION, "expected region names such as eu-west-1");
            if (!MemberRoles.partitionOf(region).equals(MemberRoles.partitionOf(home))) {
                throw new IllegalArgumentException("context " + REGIONS + "=\"" + region + "\" is invalid: "
                        + "it is in another partition than " + HOME_REGION + " " + home);
            }
            regions.add(region);
        }

        Optional<String> externalId = context.apply(EXTERNAL_ID);
        externalId.ifPresent(value -> {
            try {
                Settings.fromEnvironment(Map.of(Settings.EXTERNAL_ID, value));
            } catch (InvalidSettingException e) {
                throw new IllegalArgumentException("context " + EXTERNAL_ID + ": " + e.getMessage(), e);
            }
        });
        CallAs callAs = oneOf(CALL_AS, context.apply(CALL_AS).orElse(CallAs.DELEGATED_ADMIN.name()), CallAs.class);
        Optional<String> management = context.apply(MANAGEMENT_ACCOUNT);
        management.ifPresent(id -> check(MANAGEMENT_ACCOUNT, id, MemberRoles.ACCOUNT_ID,
                "expected the 12-digit id of the organization's management account"));
        return Optional.of(new OrganizationSettings(organization, central, home, targets, List.copyOf(regions),
                externalId, callAs, management));
    }

    /**
     * How the central functions list the member-roles StackSet's instances, or empty when {@link #managementAccount}
     * is not given (the sweeps then cover the central account and {@code sweepAccounts} only): {@code SELF} when the
     * central account is the management account, else {@code DELEGATED_ADMIN}, for which the central account must be
     * registered as a StackSets delegated administrator. Independent of {@link #callAs}, which says where the
     * StackSets stack is deployed: a delegated administrator reads every service-managed StackSet of the management
     * account, whoever created it.
     */
    public Optional<CallAs> sweepDiscovery() {
        return managementAccount.map(management -> management.equals(centralAccount) ? CallAs.SELF
                : CallAs.DELEGATED_ADMIN);
    }

    /**
     * {@code arn:<partition>:cloudformation:<homeRegion>:<managementAccount>:stackset/<name>:*}: the member-roles
     * StackSet, whose id suffix CloudFormation generates; empty without {@link #managementAccount}.
     */
    public Optional<String> memberRolesStackSetArn(String partition, String namePrefix) {
        return managementAccount.map(management -> "arn:" + partition + ":cloudformation:" + homeRegion + ":"
                + management + ":stackset/" + WatchpostResources.memberRolesStackSet(namePrefix) + ":*");
    }

    /** {@code arn:${Partition}:events:<homeRegion>:<centralAccount>:event-bus/<prefix>}: the central bus. */
    public String centralBusArn(String namePrefix) {
        return "arn:" + Aws.PARTITION + ":events:" + homeRegion + ":" + centralAccount + ":event-bus/" + namePrefix;
    }

    /** The exact ARN of the central function role of {@code family}, named as {@link LoopGuard#roleName} says. */
    public String centralRoleArn(String namePrefix, Family family) {
        return "arn:" + Aws.PARTITION + ":iam::" + centralAccount + ":role/"
                + LoopGuard.roleName(namePrefix, family, homeRegion);
    }

    private static String required(Function<String, Optional<String>> context, String key) {
        return context.apply(key).orElseThrow(() -> new IllegalArgumentException("context " + key
                + " is missing: " + DEPLOYMENT + "=organization needs it"));
    }

    private static void check(String key, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("context " + key + "=\"" + value + "\" is invalid: " + expected);
        }
    }

    /** {@code text} as a constant of {@code type}, case-insensitive ({@code organization}, {@code SELF}). */
    private static <E extends Enum<E>> E oneOf(String key, String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(E::toString).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("context " + key + "=\"" + text + "\" is invalid: expected one of "
                + accepted);
    }
}
