package io.github.ecrpromotion.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one output path of a verb: lines and JSON to stdout, warnings to stderr, every piece of text escaped for the
 * terminal first ({@link TerminalText}), since tags, environments, paths and messages come from input or a registry.
 */
final class Printer {
    private final PrintWriter out;
    private final PrintWriter err;

    Printer(CommandSpec spec) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
    }

    void line(String text) {
        out.println(TerminalText.escape(text));
        out.flush();
    }

    /** Text of several lines (such as the state's JSON): each line escaped, the line breaks kept. */
    void lines(String text) {
        text.lines().forEach(l -> out.println(TerminalText.escape(l)));
        out.flush();
    }

    /** One JSON document; its strings are already escaped by {@link JsonOutput}. */
    void json(Object value) {
        out.println(JsonOutput.write(value));
        out.flush();
    }

    void warnings(List<String> warnings) {
        warnings.forEach(w -> err.println("warning: " + TerminalText.escape(w)));
        err.flush();
    }
}
