package dev.watchpost.cli;

import dev.watchpost.config.InvalidSettingException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The words after a command, as every command reads them: options anywhere among the other words, as
 * {@code --name value} or {@code --name=value} (a value never starts with {@code --}), flags without a value,
 * {@code --} ending the options, {@code -h} or {@code --help} asking for help. Immutable.
 *
 * @param options each option given, with its values in order ("" for a flag)
 * @param words   the words that are not options, in order
 */
record CommandLine(Map<String, List<String>> options, List<String> words, boolean help) {
    /** Reads {@code args}; {@code valued} options take a value, {@code flags} none; any other option is an error. */
    static CommandLine parse(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        boolean ended = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (ended || !arg.startsWith("-") || arg.equals("-")) {
                words.add(arg);
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                return new CommandLine(Map.of(), List.of(), true);
            }
            if (arg.equals("--")) {
                ended = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (flags.contains(name) && equals < 0) {
                value = "";
            } else if (!valued.contains(name)) {
                throw new UsageException("unknown option: " + name);
            } else if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new CommandLine(Map.copyOf(options), List.copyOf(words), false);
    }

    /**
     * Runs command {@code name} on {@code args}: prints {@code usage} for {@code -h} or {@code --help}, else hands
     * the words to {@code body}, reporting a {@link UsageException} or an invalid setting as a usage error.
     */
    static int run(String name, String usage, List<String> args, Set<String> valued, Set<String> flags,
                   PrintStream out, PrintStream err, ToIntFunction<CommandLine> body) {
        try {
            CommandLine line = parse(args, valued, flags);
            if (line.help()) {
                out.print(usage);
                return Main.EXIT_OK;
            }
            return body.applyAsInt(line);
        } catch (UsageException | InvalidSettingException e) {
            return usageError(err, name, usage, e.getMessage());
        }
    }

    /** Reports a usage error of {@code command} on {@code err} with its synopsis, and returns exit status 2. */
    static int usageError(PrintStream err, String command, String usage, String message) {
        err.println("watchpost " + command + ": " + message);
        err.println(usage.lines().findFirst().orElseThrow());
        err.println("Run 'java -jar watchpost.jar " + command + " --help' for details.");
        return Main.EXIT_USAGE;
    }

    /** Every value given to {@code option}, in order. */
    List<String> all(String option) {
        return options.getOrDefault(option, List.of());
    }

    /** The last value given to {@code option}, if any. */
    Optional<String> last(String option) {
        List<String> values = all(option);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }
}
