package io.github.ecrpromotion.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@code promote} in-process, as {@code main} would, and captures what it prints. */
final class Cli {
    private Cli() {
    }

    /** One run: exit code, stdout and stderr. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run run(String... args) {
        return withStdin("", args);
    }

    static Run withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PromoteCommand.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args.length == 0 ? "" : args[0]).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
