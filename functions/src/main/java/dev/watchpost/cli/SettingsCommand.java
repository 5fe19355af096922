package dev.watchpost.cli;

import dev.watchpost.config.InvalidRuntimeSettingsException;
import dev.watchpost.config.RuntimeSettings;
import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.DetectionParameters;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

/**
 * {@code watchpost settings show} and {@code watchpost settings set ...}: read and edit the runtime settings parameter
 * ({@code --profile} picks a profile, {@code --region} the region; credentials and endpoint: {@link AwsAccess}).
 * {@code set} reads the value, applies the edits, validates the result as the functions will, prints the difference
 * and writes it only if something changed.
 * SSM has no conditional write, so two people editing at once: the last write wins, and both are alerted by
 * {@code audit.settings-changed}. Reads its environment from the map it is given, so tests need no process.
 */
final class SettingsCommand {
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

    private SettingsCommand() {}

    /** Runs {@code args} (the words after {@code settings}) and returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        return CommandLine.run("settings", USAGE, args, Set.of("--region", "--profile", "--name-prefix"), Set.of(),
                out, err, line -> settings(line, out, err, env));
    }

    private static int settings(CommandLine line, PrintStream out, PrintStream err, Map<String, String> env) {
        String action = line.words().isEmpty() ? "" : line.words().getFirst();
        List<String> words = line.words().isEmpty() ? List.of() : line.words().subList(1, line.words().size());
        Optional<SettingsEdit> edit = action.equals("set") ? Optional.of(SettingsEdit.parse(words)) : Optional.empty();
        if (!action.equals("set") && !action.equals("show")) {
            throw new UsageException(action.isEmpty() ? "no action given (expected show or set)"
                    : "unknown action: " + action + " (expected show or set)");
        } else if (action.equals("show") && !words.isEmpty()) {
            throw new UsageException("show takes no edits: " + String.join(" ", words));
        }
        Optional<String> region = line.last("--region").map(AwsAccess::region);
        String prefix = line.last("--name-prefix").isPresent() ? Main.namePrefix(line.last("--name-prefix").get())
                : Settings.fromEnvironment(Map.of(Settings.NAME_PREFIX, env.getOrDefault(Settings.NAME_PREFIX,
                ""))).namePrefix();
        String parameter = DetectionParameters.settingsParameter(prefix);
        try (SsmClient ssm = new AwsAccess(env, line.last("--profile")).configure(SsmClient.builder(), "SSM", region)
                .build()) {
            return edit(ssm, parameter, edit, out, err);
        } catch (SdkException | IllegalStateException e) {
            // IllegalStateException: a named profile that is missing or unreadable.
            err.println("watchpost settings: " + parameter + ": " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
            return Main.EXIT_UNREADABLE;
        }
    }

    /** Shows the settings (no edit), or applies the edit and writes the result if it changed anything. */
    private static int edit(SsmClient ssm, String parameter, Optional<SettingsEdit> edit, PrintStream out,
                            PrintStream err) {
        String text;
        RuntimeSettings current;
        try {
            text = ssm.getParameter(GetParameterRequest.builder().name(parameter).build()).parameter().value();
        } catch (ParameterNotFoundException e) {
            err.println("watchpost settings: " + parameter + " does not exist in this account and region: deploy "
                    + "Watchpost (it creates the parameter), or pass --region or --name-prefix");
            return Main.EXIT_UNREADABLE;
        }
        try {
            current = RuntimeSettingsJson.parse(text);
        } catch (InvalidRuntimeSettingsException e) {
            if (edit.isEmpty()) {
                out.println(text);
            }
            err.println("watchpost settings: " + parameter + (edit.isEmpty() ? " is invalid, so the functions keep "
                    + "their last good settings: " : " is invalid now, so it is not edited (fix it with aws ssm "
                    + "put-parameter --overwrite): ") + e.getMessage());
            return Main.EXIT_UNREADABLE;
        }
        if (edit.isEmpty()) {
            out.println(parameter);
            out.println(RuntimeSettingsJson.writePretty(current));
            Map<String, String> described = current.described();
            if (described.isEmpty()) {
                out.println("nothing set: the deploy-time modes apply");
            }
            described.forEach((what, value) -> out.println("  " + what + ": " + value));
            return Main.EXIT_OK;
        }
        RuntimeSettings next = edit.get().applyTo(current);
        String written = RuntimeSettingsJson.write(next);
        try {
            RuntimeSettingsJson.parse(written);
        } catch (InvalidRuntimeSettingsException e) {
            err.println("watchpost settings: the edited settings would be invalid, nothing was written: "
                    + e.getMessage());
            return Main.EXIT_USAGE;
        }
        List<String> differences = next.differencesFrom(current);
        if (differences.isEmpty()) {
            out.println(parameter + ": no change");
            return Main.EXIT_OK;
        }
        ssm.putParameter(PutParameterRequest.builder().name(parameter).value(written).type(ParameterType.STRING)
                .overwrite(true).build());
        out.println(parameter + " changed (in force within a minute):");
        differences.forEach(difference -> out.println("  " + difference));
        return Main.EXIT_OK;
    }
}
