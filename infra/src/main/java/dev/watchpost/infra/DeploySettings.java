package dev.watchpost.infra;

import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.Settings;
import dev.watchpost.config.SweepSettings;
import dev.watchpost.pipeline.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The deploy-time choices, read once from the settings ({@code infra/watchpost.json} where it exists, see
 * {@link SettingsFile}; otherwise CDK context) and checked before any construct exists, so a bad value fails
 * {@code cdk synth} with the context key and the message the function would log at start. Values meant for the
 * functions go through {@link Settings#fromEnvironment} (and {@link Wiring#checkModes}); a key left out of the
 * context is left out of the environment, so the function's own default applies. Immutable.
 *
 * @param namePrefix          prefix of role and alarm names ({@value #NAME_PREFIX})
 * @param alertEmail          address subscribed to the alert topic, if any ({@value #ALERT_EMAIL})
 * @param functionsJar        absolute path of the shaded functions jar ({@value #FUNCTIONS_JAR})
 * @param logRetention        retention of each function's log group ({@value #LOG_RETENTION_DAYS})
 * @param tracing             whether functions send X-Ray traces ({@value #TRACING})
 * @param reservedConcurrency concurrency reserved for each detection function, 0 for none
 *                            ({@value #RESERVED_CONCURRENCY}; the Slack notifier reserves at most
 *                            {@link SlackNotifier#RESERVED_CONCURRENCY} of it)
 * @param functionEnvironment the validated {@code WATCHPOST_*} variables the context asked for
 * @param channels            where else alerts go: Slack, AWS Chatbot, Security Hub
 * @param organization        the organization a central stack serves ({@value OrganizationSettings#DEPLOYMENT}
 *                            {@code =organization}), or empty for a single account
 * @param sweepSchedules      when the functions sweep current state and send the digest
 */
public record DeploySettings(String namePrefix, Optional<String> alertEmail, Path functionsJar,
                             RetentionDays logRetention, boolean tracing, int reservedConcurrency,
                             Map<String, String> functionEnvironment, AlertChannels channels,
                             Optional<OrganizationSettings> organization, SweepSchedules sweepSchedules) {
    public static final String ALERT_EMAIL = "alertEmail";
    public static final String FUNCTIONS_JAR = "functionsJar";
    public static final String LOG_RETENTION_DAYS = "logRetentionDays";
    public static final String TRACING = "tracing";
    public static final String RESERVED_CONCURRENCY = "reservedConcurrency";
    public static final String NAME_PREFIX = "namePrefix";
    public static final String ADMIN_PORTS = "adminPorts";
    public static final String INTERNET_PREFIX_LENGTH = "internetPrefixLength";
    public static final String TRUSTED_CIDRS = "trustedCidrs";
    public static final String REMEDIATION_MODES = "remediationModes";
    public static final String EXEMPT_TAG_KEY = "exemptTagKey";
    /** Member accounts the central sweep covers (the Organizations API is not used to list them). */
    public static final String SWEEP_ACCOUNTS = "sweepAccounts";
    /** Regions the sweep covers; in an organization, the forwarder StackSet's regions when not set. */
    public static final String SWEEP_REGIONS = "sweepRegions";
    public static final String SWEEP_CONCURRENCY = "sweepConcurrency";

    /** Relative to the working directory, which is {@code infra/} when the CDK CLI runs the app. */
    public static final String DEFAULT_FUNCTIONS_JAR = "../functions/target/watchpost.jar";
    public static final int DEFAULT_LOG_RETENTION_DAYS = 90;
    /**
     * Enough for bursts of matching events, and kept for Watchpost when something else (an attacker, say) uses up the
     * account's concurrency; a new account's quota can be too low to reserve it, hence the context key.
     */
    public static final int DEFAULT_RESERVED_CONCURRENCY = 10;
    /** Lambda's default account quota; a larger reservation could never deploy. */
    static final int MAX_RESERVED_CONCURRENCY = 1000;

    /** Context key → the function environment variable it sets. */
    private static final Map<String, String> VARIABLES = orderedMap(
            ADMIN_PORTS, Settings.ADMIN_PORTS,
            INTERNET_PREFIX_LENGTH, Settings.INTERNET_PREFIX_LENGTH,
            TRUSTED_CIDRS, Settings.TRUSTED_CIDRS,
            REMEDIATION_MODES, Settings.REMEDIATION_MODES,
            EXEMPT_TAG_KEY, Settings.EXEMPT_TAG_KEY,
            NAME_PREFIX, Settings.NAME_PREFIX,
            SWEEP_ACCOUNTS, SweepSettings.ACCOUNTS,
            SWEEP_REGIONS, SweepSettings.REGIONS,
            SWEEP_CONCURRENCY, SweepSettings.CONCURRENCY);

    /** The values CloudWatch Logs accepts, in days. */
    private static final Map<Integer, RetentionDays> RETENTION = retentionByDays();

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");

    public DeploySettings {
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(alertEmail, "alertEmail");
        Objects.requireNonNull(functionsJar, "functionsJar");
        Objects.requireNonNull(logRetention, "logRetention");
        if (reservedConcurrency < 0) {
            throw new IllegalArgumentException("reservedConcurrency must not be negative: " + reservedConcurrency);
        }
        functionEnvironment = Map.copyOf(functionEnvironment);
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(sweepSchedules, "sweepSchedules");
    }

    /** Every key that says how Watchpost is deployed (not where its build is): the keys of a settings file. */
    static List<String> deploymentKeys() {
        List<String> keys = new ArrayList<>(List.of(ALERT_EMAIL, LOG_RETENTION_DAYS, TRACING, RESERVED_CONCURRENCY));
        keys.addAll(VARIABLES.keySet());
        keys.addAll(List.of(AlertChannels.SLACK_WEBHOOK_SECRET_ARN, AlertChannels.SLACK_MIN_SEVERITY,
                AlertChannels.CHATBOT_SLACK_WORKSPACE_ID, AlertChannels.CHATBOT_SLACK_CHANNEL_ID,
                AlertChannels.SECURITY_HUB, OrganizationSettings.DEPLOYMENT, SweepSchedules.SWEEP_SCHEDULE,
                SweepSchedules.DIGEST_SCHEDULE));
        keys.addAll(OrganizationSettings.KEYS);
        return List.copyOf(keys);
    }

    /** Whether this is the central stack of an organization deployment. */
    public boolean isOrganization() {
        return organization.isPresent();
    }

    /**
     * Reads and checks every context key. {@code context} returns what {@code node.tryGetContext} returns: null, a
     * string (from {@code -c key=value}), or a number, boolean, list or map (from {@code cdk.json}).
     *
     * @throws IllegalArgumentException an unusable value; the message names the context key (and, for a value the
     *                                  functions parse, their variable, with the message they would log)
     */
    public static DeploySettings fromContext(Function<String, Object> context) {
        Map<String, String> environment = new LinkedHashMap<>();
        VARIABLES.forEach((key, variable) -> text(context.apply(key)).ifPresent(value -> {
            checked(key, () -> Settings.fromEnvironment(Map.of(variable, value)));
            checked(key, () -> SweepSettings.fromEnvironment(Map.of(variable, value), ""));
            environment.put(variable, value);
        }));
        Settings settings = Settings.fromEnvironment(environment);
        checked(REMEDIATION_MODES, () -> Wiring.checkModes(settings));

        Optional<String> email = text(context.apply(ALERT_EMAIL));
        email.filter(address -> !EMAIL.matcher(address).matches()).ifPresent(address -> {
            throw new IllegalArgumentException("context " + ALERT_EMAIL + "=\"" + address
                    + "\" is invalid: expected one e-mail address, e.g. secops@example.com");
        });
        Optional<OrganizationSettings> organization = OrganizationSettings.fromContext(key -> text(context.apply(key)));
        organization.filter(org -> !environment.containsKey(SweepSettings.REGIONS))
                .ifPresent(org -> environment.put(SweepSettings.REGIONS, String.join(",", org.regions())));
        return new DeploySettings(settings.namePrefix(), email, functionsJar(context.apply(FUNCTIONS_JAR)),
                retention(context.apply(LOG_RETENTION_DAYS)), flag(TRACING, text(context.apply(TRACING))),
                reservedConcurrency(context.apply(RESERVED_CONCURRENCY)), environment,
                AlertChannels.fromContext(key -> text(context.apply(key))), organization,
                SweepSchedules.fromContext(key -> text(context.apply(key))));
    }

    /** Runs a check of the functions' own parser and reports its failure under the context key. */
    private static void checked(String key, Runnable check) {
        try {
            check.run();
        } catch (InvalidSettingException e) {
            throw new IllegalArgumentException("context " + key + ": " + e.getMessage(), e);
        }
    }

    private static Path functionsJar(Object value) {
        Path jar = Path.of(text(value).orElse(DEFAULT_FUNCTIONS_JAR)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("context " + FUNCTIONS_JAR + ": the functions jar " + jar
                    + " does not exist: build it first with `. scripts/env.sh && mvn -B -q -DskipTests package` from "
                    + "the repository root, or pass -c " + FUNCTIONS_JAR + "=PATH");
        }
        return jar;
    }

    private static RetentionDays retention(Object value) {
        String days = text(value).orElse(String.valueOf(DEFAULT_LOG_RETENTION_DAYS));
        try {
            RetentionDays retention = RETENTION.get(Integer.parseInt(days));
            if (retention != null) {
                return retention;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted values
        }
        String accepted = RETENTION.keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("context " + LOG_RETENTION_DAYS + "=\"" + days
                + "\" is invalid: CloudWatch Logs accepts " + accepted);
    }

    private static int reservedConcurrency(Object value) {
        String text = text(value).orElse(String.valueOf(DEFAULT_RESERVED_CONCURRENCY));
        try {
            int reserved = Integer.parseInt(text);
            if (reserved >= 0 && reserved <= MAX_RESERVED_CONCURRENCY) {
                return reserved;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("context " + RESERVED_CONCURRENCY + "=\"" + text
                + "\" is invalid: expected a whole number from 0 (reserve none) to " + MAX_RESERVED_CONCURRENCY);
    }

    /** A context key that is {@code true} or {@code false} (false when absent), else an error naming the key. */
    static boolean flag(String key, Optional<String> value) {
        String text = value.orElse("false");
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("context " + key + "=\"" + text
                    + "\" is invalid: expected true or false");
        };
    }

    /** A context value as the comma-separated text the functions parse; empty when absent or blank. */
    static Optional<String> text(Object value) {
        String text = switch (value) {
            case null -> "";
            case Number number when number.doubleValue() == Math.rint(number.doubleValue()) ->
                    String.valueOf(number.longValue());
            case List<?> list -> list.stream().map(String::valueOf).collect(Collectors.joining(","));
            case Map<?, ?> map -> map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
            default -> String.valueOf(value);
        };
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<Integer, RetentionDays> retentionByDays() {
        return Map.ofEntries(
                Map.entry(1, RetentionDays.ONE_DAY), Map.entry(3, RetentionDays.THREE_DAYS),
                Map.entry(5, RetentionDays.FIVE_DAYS), Map.entry(7, RetentionDays.ONE_WEEK),
                Map.entry(14, RetentionDays.TWO_WEEKS), Map.entry(30, RetentionDays.ONE_MONTH),
                Map.entry(60, RetentionDays.TWO_MONTHS), Map.entry(90, RetentionDays.THREE_MONTHS),
                Map.entry(120, RetentionDays.FOUR_MONTHS), Map.entry(150, RetentionDays.FIVE_MONTHS),
                Map.entry(180, RetentionDays.SIX_MONTHS), Map.entry(365, RetentionDays.ONE_YEAR),
                Map.entry(400, RetentionDays.THIRTEEN_MONTHS), Map.entry(545, RetentionDays.EIGHTEEN_MONTHS),
                Map.entry(731, RetentionDays.TWO_YEARS), Map.entry(1096, RetentionDays.THREE_YEARS),
                Map.entry(1827, RetentionDays.FIVE_YEARS), Map.entry(2192, RetentionDays.SIX_YEARS),
                Map.entry(2557, RetentionDays.SEVEN_YEARS), Map.entry(2922, RetentionDays.EIGHT_YEARS),
                Map.entry(3288, RetentionDays.NINE_YEARS), Map.entry(3653, RetentionDays.TEN_YEARS));
    }
}
