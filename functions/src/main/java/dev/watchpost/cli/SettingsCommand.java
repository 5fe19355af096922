package dev.watchpost.cli;

import dev.watchpost.config.InvalidRuntimeSettingsException;
import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.RuntimeSettings;
import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.DetectionParameters;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

/**
 * {@code watchpost settings show} and {@code watchpost settings set ...}: read and edit the runtime settings parameter
 * with the default AWS credential chain ({@code --profile} picks a profile, {@code --region} the region,
 * {@code AWS_ENDPOINT_URL} or {@code AWS_ENDPOINT_URL_SSM} an endpoint). {@code set} reads the value, applies the
 * edits, validates the result as the functions will, prints the difference and writes it only if something changed.
 * SSM has no conditional write, so two people editing at once: the last write wins, and both are alerted by
 * {@code audit.settings-changed}. Reads its environment from the map it is given, so tests need no process.
 */
final class SettingsCommand {
    static final String NAME = "settings";
    static final int EXIT_OK = 0;
    static final int EXIT_AWS = 1;
    static final int EXIT_USAGE = 2;

    static final String SYNOPSIS = "usage: java -jar watchpost.jar settings show|set [--region REGION] "
            + "[--profile PROFILE] [--name-prefix NAME] [EDIT...]";

    static final String USAGE = SYNOPSIS + """


            Shows or changes Watchpost's runtime settings, the SSM parameter /<prefix>/settings: remediation modes,
            the kill switch and exemptions, which the functions read within a minute, without a redeploy.

              show                              print the settings
              set DETECTION=MODE [SCOPE]        MODE is OFF, DRY_RUN, ENFORCE, or default (remove the setting);
                                                for every account, or only in SCOPE
              set all=MODE SCOPE                every detection in SCOPE
              set off [SCOPE]                   switch all remediation off (everywhere, or in SCOPE)
              set on [SCOPE]                    switch it back on
              set exempt:DETECTION=DAY reason=TEXT SCOPE
                                                no remediation of DETECTION in SCOPE until DAY (YYYY-MM-DD, UTC),
                                                the alerts give TEXT; exempt:DETECTION=default removes it

              SCOPE is account=ID (12 digits) or ou=ID (an OU, ou-…, or the root, r-…; organization mode).

            Options:
              --region REGION      the region of the Watchpost stack (default: the SDK's region chain)
              --profile PROFILE    the AWS profile to use (default: the SDK's credential chain)
              --name-prefix NAME   the deployment's name prefix (default: WATCHPOST_NAME_PREFIX, or watchpost)

            AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_SSM) sends the calls to another endpoint.
            Every change is alerted (audit.settings-changed). See docs/configuration.md, "Runtime settings".
            """;

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /** What the command line asks for. */
    private record Options(String action, List<String> words, Optional<String> region, Optional<String> profile,
                           Optional<String> namePrefix, boolean help) {
    }

    private SettingsCommand() {}

    /** Runs {@code args} (the words after {@code settings}) and returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        Options options;
        Optional<SettingsEdit> edit = Optional.empty();
        String parameter;
        try {
            options = parse(args);
            if (options.help()) {
                out.print(USAGE);
                return EXIT_OK;
            }
            if (options.action().equals("set")) {
                edit = Optional.of(SettingsEdit.parse(options.words()));
            } else if (!options.words().isEmpty()) {
                throw new UsageException("show takes no edits: " + String.join(" ", options.words()));
            }
            String prefix = options.namePrefix().orElseGet(() ->
                    Settings.fromEnvironment(Map.of(Settings.NAME_PREFIX, env.getOrDefault(Settings.NAME_PREFIX, "")))
                            .namePrefix());
            parameter = DetectionParameters.settingsParameter(prefix);
        } catch (UsageException | InvalidSettingException e) {
            err.println("watchpost settings: " + e.getMessage());
            err.println(SYNOPSIS);
            err.println("Run 'java -jar watchpost.jar settings --help' for details.");
            return EXIT_USAGE;
        }
        try (SsmClient ssm = client(options, env)) {
            return edit.isPresent() ? set(ssm, parameter, edit.get(), out, err) : show(ssm, parameter, out, err);
        } catch (SdkException | IllegalStateException e) {
            // IllegalStateException: a named profile that is missing or unreadable.
            err.println("watchpost settings: " + parameter + ": " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
            return EXIT_AWS;
        }
    }

    private static int show(SsmClient ssm, String parameter, PrintStream out, PrintStream err) {
        Optional<String> text = read(ssm, parameter, err);
        if (text.isEmpty()) {
            return EXIT_AWS;
        }
        RuntimeSettings settings;
        try {
            settings = RuntimeSettingsJson.parse(text.get());
        } catch (InvalidRuntimeSettingsException e) {
            out.println(text.get());
            err.println("watchpost settings: " + parameter + " is invalid, so the functions keep their last good "
                    + "settings: " + e.getMessage());
            return EXIT_AWS;
        }
        out.println(parameter);
        out.println(RuntimeSettingsJson.writePretty(settings));
        Map<String, String> described = settings.described();
        if (described.isEmpty()) {
            out.println("nothing set: the deploy-time modes apply");
        }
        described.forEach((what, value) -> out.println("  " + what + ": " + value));
        return EXIT_OK;
    }

    private static int set(SsmClient ssm, String parameter, SettingsEdit edit, PrintStream out, PrintStream err) {
        Optional<String> text = read(ssm, parameter, err);
        if (text.isEmpty()) {
            return EXIT_AWS;
        }
        RuntimeSettings current;
        try {
            current = RuntimeSettingsJson.parse(text.get());
        } catch (InvalidRuntimeSettingsException e) {
            err.println("watchpost settings: " + parameter + " is invalid now, so it is not edited (fix it with "
                    + "aws ssm put-parameter --overwrite): " + e.getMessage());
            return EXIT_AWS;
        }
        RuntimeSettings next;
        String written;
        try {
            next = edit.applyTo(current);
            written = RuntimeSettingsJson.write(next);
            RuntimeSettingsJson.parse(written);
        } catch (InvalidRuntimeSettingsException e) {
            err.println("watchpost settings: the edited settings would be invalid, nothing was written: "
                    + e.getMessage());
            return EXIT_USAGE;
        }
        List<String> differences = next.differencesFrom(current);
        if (differences.isEmpty()) {
            out.println(parameter + ": no change");
            return EXIT_OK;
        }
        ssm.putParameter(PutParameterRequest.builder().name(parameter).value(written).type(ParameterType.STRING)
                .overwrite(true).build());
        out.println(parameter + " changed (in force within a minute):");
        differences.forEach(line -> out.println("  " + line));
        return EXIT_OK;
    }

    private static Optional<String> read(SsmClient ssm, String parameter, PrintStream err) {
        try {
            return Optional.of(ssm.getParameter(GetParameterRequest.builder().name(parameter).build())
                    .parameter().value());
        } catch (ParameterNotFoundException e) {
            err.println("watchpost settings: " + parameter + " does not exist in this account and region: deploy "
                    + "Watchpost (it creates the parameter), or pass --region or --name-prefix");
            return Optional.empty();
        }
    }

    private static SsmClient client(Options options, Map<String, String> env) {
        SsmClientBuilder builder = SsmClient.builder().httpClient(UrlConnectionHttpClient.create());
        options.region().map(Region::of).ifPresent(builder::region);
        builder.credentialsProvider(credentials(options.profile(), env));
        Optional.ofNullable(env.get("AWS_ENDPOINT_URL_SSM")).or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")))
                .filter(url -> !url.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The named profile (read from AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE when they name files that exist,
     * else from the SDK's default files), or the default chain when no profile is named.
     */
    private static AwsCredentialsProvider credentials(Optional<String> profile, Map<String, String> env) {
        if (profile.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        ProfileCredentialsProvider.Builder builder = ProfileCredentialsProvider.builder().profileName(profile.get());
        List<ProfileFile> files = new ArrayList<>();
        profileFile(env, "AWS_CONFIG_FILE", ProfileFile.Type.CONFIGURATION).ifPresent(files::add);
        profileFile(env, "AWS_SHARED_CREDENTIALS_FILE", ProfileFile.Type.CREDENTIALS).ifPresent(files::add);
        if (!files.isEmpty()) {
            ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
            files.forEach(aggregator::addFile);
            builder.profileFile(aggregator.build());
        }
        return builder.build();
    }

    private static Optional<ProfileFile> profileFile(Map<String, String> env, String variable, ProfileFile.Type type) {
        return Optional.ofNullable(env.get(variable)).filter(name -> !name.isBlank()).map(Path::of)
                .filter(Files::isRegularFile)
                .map(path -> ProfileFile.builder().content(path).type(type).build());
    }

    private static Options parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no action given (expected show or set)");
        }
        String action = args.getFirst();
        if (action.equals("-h") || action.equals("--help")) {
            return new Options("", List.of(), Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
        if (!action.equals("show") && !action.equals("set")) {
            throw new UsageException("unknown action: " + action + " (expected show or set)");
        }
        List<String> words = new ArrayList<>();
        Optional<String> region = Optional.empty();
        Optional<String> profile = Optional.empty();
        Optional<String> prefix = Optional.empty();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--region" -> {
                    String value = value(args, ++i, arg);
                    if (!REGION.matcher(value).matches()) {
                        throw new UsageException("--region " + value + " is not a region (e.g. us-east-1)");
                    }
                    region = Optional.of(value);
                }
                case "--profile" -> profile = Optional.of(value(args, ++i, arg));
                case "--name-prefix" -> prefix = Optional.of(value(args, ++i, arg));
                case "-h", "--help" -> {
                    return new Options(action, List.of(), region, profile, prefix, true);
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option: " + arg);
                    }
                    words.add(arg);
                }
            }
        }
        if (prefix.isPresent()) {
            try {
                Settings.fromEnvironment(Map.of(Settings.NAME_PREFIX, prefix.get()));
            } catch (InvalidSettingException e) {
                throw new UsageException("--name-prefix " + prefix.get() + " is invalid: expected 1-20 lower-case "
                        + "letters, digits or hyphens, starting with a letter");
            }
        }
        return new Options(action, List.copyOf(words), region, profile, prefix, false);
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }
}
