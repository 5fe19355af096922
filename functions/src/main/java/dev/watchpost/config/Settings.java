package dev.watchpost.config;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.event.Cidr;
import dev.watchpost.remediate.MemberRoles;
import dev.watchpost.remediate.RemediationMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Watchpost's configuration, parsed once per container from environment variables (the CDK stack sets them from
 * context values). Every variable has a default except the topic; an invalid value fails at start with
 * {@link InvalidSettingException} naming the variable. Immutable.
 *
 * @param topicArn             SNS topic for alerts ({@value #TOPIC_ARN}); "" when unset (the CLI needs none)
 * @param detection            admin ports, internet prefix length, trusted CIDRs, the alert key
 *                             ({@value #ALERT_KEY_ARN}) and the CDK qualifier that deploys Watchpost
 *                             ({@value #DEPLOY_QUALIFIER}), which tell tampering from a deploy
 * @param remediationModes     per detection id, overriding each remediation's default
 * @param exemptTagKey         tag that exempts a resource from remediation
 * @param ownRoleArns          exact ARNs of Watchpost's own roles, whose calls are ignored (loop guard)
 * @param namePrefix           prefix of Watchpost's resource names
 * @param alerts               optional channels: Security Hub, AWS Chatbot, the Slack webhook secret
 * @param reach                which accounts remediations may act in, and how
 * @param stateTable           the DynamoDB state table ({@value #STATE_TABLE}) that remembers which findings were
 *                             handled across containers; "" when unset (each container remembers its own)
 */
public record Settings(String topicArn, DetectionParameters detection, Map<String, RemediationMode> remediationModes,
                       String exemptTagKey, Set<String> ownRoleArns, String namePrefix, AlertSettings alerts,
                       ReachSettings reach, String stateTable) {
    public static final String TOPIC_ARN = "WATCHPOST_TOPIC_ARN";
    public static final String ADMIN_PORTS = "WATCHPOST_ADMIN_PORTS";
    public static final String INTERNET_PREFIX_LENGTH = "WATCHPOST_INTERNET_PREFIX_LENGTH";
    public static final String TRUSTED_CIDRS = "WATCHPOST_TRUSTED_CIDRS";
    public static final String REMEDIATION_MODES = "WATCHPOST_REMEDIATION_MODES";
    public static final String EXEMPT_TAG_KEY = "WATCHPOST_EXEMPT_TAG_KEY";
    public static final String OWN_ROLE_ARNS = "WATCHPOST_OWN_ROLE_ARNS";
    public static final String NAME_PREFIX = "WATCHPOST_NAME_PREFIX";
    public static final String SECURITY_HUB = "WATCHPOST_SECURITY_HUB";
    public static final String CHATBOT_TOPIC_ARN = "WATCHPOST_CHATBOT_TOPIC_ARN";
    public static final String SLACK_SECRET_ARN = "WATCHPOST_SLACK_SECRET_ARN";
    public static final String ACCOUNT_ID = "WATCHPOST_ACCOUNT_ID";
    public static final String MEMBER_ROLES = "WATCHPOST_MEMBER_ROLES";
    public static final String EXTERNAL_ID = "WATCHPOST_EXTERNAL_ID";
    public static final String ALERT_KEY_ARN = "WATCHPOST_ALERT_KEY_ARN";
    public static final String DEPLOY_QUALIFIER = "WATCHPOST_DEPLOY_QUALIFIER";
    public static final String STATE_TABLE = "WATCHPOST_STATE_TABLE";

    public static final String DEFAULT_EXEMPT_TAG_KEY = "watchpost:exempt";
    public static final String DEFAULT_NAME_PREFIX = "watchpost";

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern DETECTION_ID = Pattern.compile("[a-z]+\\.[a-z0-9-]+");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");
    /** What STS accepts as an external id: 2-1224 characters of this set. */
    private static final Pattern EXTERNAL = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern KEY = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]{1,64}");
    /** What {@code cdk bootstrap --qualifier} accepts: at most 10 letters and digits. */
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9]{1,10}");
    /** A DynamoDB table name. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern SECRET = Pattern.compile(
            "arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}");

    public Settings {
        remediationModes = Map.copyOf(remediationModes);
        ownRoleArns = Set.copyOf(ownRoleArns);
    }

    /** Defaults for everything; no topic. */
    public static Settings defaults() {
        return fromEnvironment(Map.of());
    }

    /** Parses environment variables; unknown variables are ignored. */
    public static Settings fromEnvironment(Map<String, String> env) {
        String topic = value(env, TOPIC_ARN).orElse("");
        if (!topic.isEmpty() && !topic.startsWith("arn:")) {
            throw new InvalidSettingException(TOPIC_ARN, topic, "expected an SNS topic ARN (arn:aws:sns:…)");
        }
        String prefix = value(env, NAME_PREFIX).orElse(DEFAULT_NAME_PREFIX);
        if (!NAME.matcher(prefix).matches()) {
            throw new InvalidSettingException(NAME_PREFIX, prefix,
                    "expected 1-20 lower-case letters, digits or hyphens, starting with a letter");
        }
        String tagKey = value(env, EXEMPT_TAG_KEY).orElse(DEFAULT_EXEMPT_TAG_KEY);
        if (!TAG_KEY.matcher(tagKey).matches() || tagKey.startsWith("aws:")) {
            throw new InvalidSettingException(EXEMPT_TAG_KEY, tagKey,
                    "expected a tag key of 1-128 characters that does not start with aws:");
        }
        String key = value(env, ALERT_KEY_ARN).orElse("");
        if (!key.isEmpty() && !KEY.matcher(key).matches()) {
            throw new InvalidSettingException(ALERT_KEY_ARN, key,
                    "expected a KMS key ARN (arn:aws:kms:us-east-1:123456789012:key/1234abcd-…)");
        }
        String qualifier = value(env, DEPLOY_QUALIFIER).orElse(DetectionParameters.DEFAULT_DEPLOY_QUALIFIER);
        if (!QUALIFIER.matcher(qualifier).matches()) {
            throw new InvalidSettingException(DEPLOY_QUALIFIER, qualifier,
                    "expected a CDK bootstrap qualifier: 1-10 letters or digits");
        }
        DetectionParameters detection = new DetectionParameters(
                adminPorts(value(env, ADMIN_PORTS).orElse("22,3389")),
                prefixLength(value(env, INTERNET_PREFIX_LENGTH).orElse("0")),
                trustedCidrs(value(env, TRUSTED_CIDRS).orElse("")),
                prefix, tagKey, key, qualifier);
        return new Settings(topic, detection, modes(value(env, REMEDIATION_MODES).orElse("")), tagKey,
                roleArns(value(env, OWN_ROLE_ARNS).orElse("")), prefix, alerts(env), reach(env), stateTable(env));
    }

    private static String stateTable(Map<String, String> env) {
        String table = value(env, STATE_TABLE).orElse("");
        if (!table.isEmpty() && !TABLE.matcher(table).matches()) {
            throw new InvalidSettingException(STATE_TABLE, table,
                    "expected a DynamoDB table name: 3-255 letters, digits, underscores, hyphens or dots");
        }
        return table;
    }

    private static ReachSettings reach(Map<String, String> env) {
        String account = value(env, ACCOUNT_ID).orElse("");
        if (!account.isEmpty() && !MemberRoles.ACCOUNT_ID.matcher(account).matches()) {
            throw new InvalidSettingException(ACCOUNT_ID, account, "expected a 12-digit AWS account id");
        }
        String memberRoles = value(env, MEMBER_ROLES).orElse("false");
        if (!memberRoles.equalsIgnoreCase("true") && !memberRoles.equalsIgnoreCase("false")) {
            throw new InvalidSettingException(MEMBER_ROLES, memberRoles, "expected true or false");
        }
        boolean members = memberRoles.equalsIgnoreCase("true");
        if (members && account.isEmpty()) {
            throw new InvalidSettingException(ACCOUNT_ID, "", "required when " + MEMBER_ROLES
                    + "=true: the central account, whose own resources are changed without a member role");
        }
        String externalId = value(env, EXTERNAL_ID).orElse("");
        if (!externalId.isEmpty() && !EXTERNAL.matcher(externalId).matches()) {
            throw new InvalidSettingException(EXTERNAL_ID, "(not shown)",
                    "expected 2-1224 letters, digits or the characters +=,.@:/-");
        }
        return new ReachSettings(account, members, externalId);
    }

    private static AlertSettings alerts(Map<String, String> env) {
        String securityHub = value(env, SECURITY_HUB).orElse("false");
        if (!securityHub.equalsIgnoreCase("true") && !securityHub.equalsIgnoreCase("false")) {
            throw new InvalidSettingException(SECURITY_HUB, securityHub, "expected true or false");
        }
        String chatbot = value(env, CHATBOT_TOPIC_ARN).orElse("");
        if (!chatbot.isEmpty() && !TOPIC.matcher(chatbot).matches()) {
            throw new InvalidSettingException(CHATBOT_TOPIC_ARN, chatbot,
                    "expected an SNS topic ARN (arn:aws:sns:us-east-1:123456789012:name)");
        }
        String secret = value(env, SLACK_SECRET_ARN).orElse("");
        if (!secret.isEmpty() && !SECRET.matcher(secret).matches()) {
            // Never echo this value: a common mistake is to paste the webhook URL itself, which is a secret.
            throw new InvalidSettingException(SLACK_SECRET_ARN, "(not shown)", "expected a Secrets Manager secret ARN "
                    + "(arn:aws:secretsmanager:us-east-1:123456789012:secret:name-AbCdEf), not the webhook URL");
        }
        return new AlertSettings(securityHub.equalsIgnoreCase("true"), chatbot, secret);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Set<Integer> adminPorts(String text) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (String item : commaSeparated(text)) {
            try {
                int port = Integer.parseInt(item);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                ports.add(port);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(ADMIN_PORTS, text, "expected comma-separated ports 0-65535, e.g. 22,3389");
            }
        }
        if (ports.isEmpty()) {
            throw new InvalidSettingException(ADMIN_PORTS, text, "expected at least one port");
        }
        return ports;
    }

    private static int prefixLength(String text) {
        try {
            int length = Integer.parseInt(text);
            if (length >= 0 && length <= 32) {
                return length;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new InvalidSettingException(INTERNET_PREFIX_LENGTH, text,
                "expected a prefix length 0-32 (CIDRs at most this long count as the internet; 0 = only /0)");
    }

    private static List<Cidr> trustedCidrs(String text) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String item : commaSeparated(text)) {
            cidrs.add(Cidr.parse(item).orElseThrow(() -> new InvalidSettingException(TRUSTED_CIDRS, text,
                    "\"" + item + "\" is not a CIDR block (expected e.g. 198.51.100.0/24,2001:db8::/32)")));
        }
        return cidrs;
    }

    private static Map<String, RemediationMode> modes(String text) {
        Map<String, RemediationMode> modes = new LinkedHashMap<>();
        for (String item : commaSeparated(text)) {
            int equals = item.indexOf('=');
            String id = equals < 0 ? item : item.substring(0, equals).trim();
            Optional<RemediationMode> mode = equals < 0 ? Optional.empty()
                    : RemediationMode.parse(item.substring(equals + 1));
            if (!DETECTION_ID.matcher(id).matches() || mode.isEmpty()) {
                throw new InvalidSettingException(REMEDIATION_MODES, text,
                        "expected detection-id=OFF|DRY_RUN|ENFORCE pairs separated by commas, "
                                + "e.g. network.sg-admin-port-open=DRY_RUN");
            }
            modes.put(id, mode.get());
        }
        return modes;
    }

    private static Set<String> roleArns(String text) {
        Set<String> arns = new LinkedHashSet<>();
        for (String item : commaSeparated(text)) {
            if (!ROLE_ARN.matcher(item).matches()) {
                throw new InvalidSettingException(OWN_ROLE_ARNS, text,
                        "\"" + item + "\" is not an IAM role ARN (arn:aws:iam::123456789012:role/name)");
            }
            arns.add(item);
        }
        return arns;
    }

    /**
     * The items of a comma-separated setting, trimmed, blank ones dropped: how every list-valued setting is written,
     * in the functions' environment and in the CDK context alike.
     */
    public static List<String> commaSeparated(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
