package dev.watchpost.cli;

import java.io.Console;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Whether stdout or stderr is a terminal: {@code scan} shows a progress line only on a terminal, and flushes findings
 * line by line only to one. The exact answer is the C library's {@code isatty}, called through the foreign-function
 * API when native access is enabled (the jar's manifest enables it for {@code java -jar}). Otherwise the JDK's console
 * is asked; since JDK 22 {@code System.console()} is not null even when redirected, so {@link Console#isTerminal()}
 * must be checked too. That fallback answers for stdin and stdout together, so for stderr it errs towards silence
 * when stdout is redirected. Stateless.
 */
final class Terminal {
    private static final int STDOUT = 1;
    private static final int STDERR = 2;

    private Terminal() {}

    static boolean stdoutIsTerminal() {
        return isatty(STDOUT).orElseGet(Terminal::console);
    }

    static boolean stderrIsTerminal() {
        return isatty(STDERR).orElseGet(Terminal::console);
    }

    private static boolean console() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    private static Optional<Boolean> isatty(int fd) {
        if (!Terminal.class.getModule().isNativeAccessEnabled()) {
            return Optional.empty(); // calling it would print a restricted-method warning
        }
        try {
            Linker linker = Linker.nativeLinker();
            Optional<MethodHandle> call = linker.defaultLookup().find("isatty").map(address -> linker.downcallHandle(
                    address, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)));
            if (call.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of((int) call.get().invokeExact(fd) == 1);
        } catch (Throwable e) {
            return Optional.empty(); // no C library to ask: fall back to the console
        }
    }
}
