package dev.watchpost.cli;

import dev.watchpost.config.InvalidSettingException;
import dev.watchpost.config.Settings;
import dev.watchpost.detect.Severity;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code scan} was asked to do, parsed from the words after {@code scan}: options anywhere among the paths, as
 * {@code --name value} or {@code --name=value}, {@code --} ending them. Role ARNs and the prefix are checked by
 * {@link Settings}' rules, as in a deployment. Immutable.
 */
record ScanOptions(Format format, Optional<Severity> failOn, Set<String> ownRoleArns, Optional<String> namePrefix,
                   List<Path> paths, int threads, boolean help) {
    /** More threads than this only costs memory: files are read one per thread. */
    static final int MAX_THREADS = 256;

    ScanOptions {
        ownRoleArns = Set.copyOf(ownRoleArns);
        paths = List.copyOf(paths);
    }

    /** How findings are printed: text and json describe them; the others are exactly what a channel receives. */
    enum Format { TEXT, JSON, SLACK, CHATBOT, ASFF, EMAIL }

    static ScanOptions helpOnly() {
        return new ScanOptions(Format.TEXT, Optional.empty(), Set.of(), Optional.empty(), List.of(), 0, true);
    }

    static ScanOptions parse(List<String> args) throws UsageException {
        Format format = Format.TEXT;
        Optional<Severity> failOn = Optional.empty();
        Set<String> roles = new LinkedHashSet<>();
        Optional<String> prefix = Optional.empty();
        List<Path> paths = new ArrayList<>();
        int threads = 0;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                paths.add(path(arg));
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                return helpOnly();
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!name.equals("--format") && !name.equals("--fail-on") && !name.equals("--own-role-arn")
                    && !name.equals("--name-prefix") && !name.equals("--threads")) {
                throw new UsageException("unknown option: " + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            switch (name) {
                case "--format" -> format = format(value);
                case "--fail-on" -> failOn = Optional.of(Severity.parse(value).orElseThrow(() -> new UsageException(
                        "--fail-on: \"" + value + "\" is not a severity (expected LOW, MEDIUM, HIGH or CRITICAL)")));
                case "--own-role-arn" -> roles.addAll(roleArns(value));
                case "--threads" -> threads = threads(value);
                default -> prefix = Optional.of(namePrefix(value));
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("no PATH given: name at least one file or directory to scan");
        }
        return new ScanOptions(format, failOn, roles, prefix, paths, threads, false);
    }

    /** The number of files to read at once: {@link #threads} resolved against the machine. */
    int workers() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    private static int threads(String value) throws UsageException {
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1 && threads <= MAX_THREADS) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threads: \"" + value + "\" is not a thread count (expected 1 to " + MAX_THREADS
                + ")");
    }

    static Format format(String value) throws UsageException {
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: \"" + value + "\" is not a format (expected text, json, "
                    + "slack, chatbot, asff or email)");
        }
    }

    /** One ARN, or several separated by commas as in the environment variable. */
    private static Set<String> roleArns(String value) throws UsageException {
        try {
            Set<String> arns = Settings.fromEnvironment(Map.of(Settings.OWN_ROLE_ARNS, value)).ownRoleArns();
            if (arns.isEmpty()) {
                throw new UsageException("--own-role-arn needs a role ARN");
            }
            return arns;
        } catch (InvalidSettingException e) {
            throw new UsageException("--own-role-arn: \"" + value
                    + "\" is not an IAM role ARN (expected arn:aws:iam::123456789012:role/name)");
        }
    }

    private static String namePrefix(String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("--name-prefix needs a value");
        }
        try {
            return Settings.fromEnvironment(Map.of(Settings.NAME_PREFIX, value)).namePrefix();
        } catch (InvalidSettingException e) {
            throw new UsageException("--name-prefix: \"" + value
                    + "\" is not a name prefix (expected 1-20 lower-case letters, digits or hyphens, starting with a letter)");
        }
    }

    private static Path path(String arg) throws UsageException {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            throw new UsageException("\"" + arg + "\" is not a path: " + e.getReason());
        }
    }
}
