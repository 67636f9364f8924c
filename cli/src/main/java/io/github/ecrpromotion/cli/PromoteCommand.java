package io.github.ecrpromotion.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code promote} command: build tags, environment tags and the pipeline state of a container repository. */
@Command(name = "promote",
        mixinStandardHelpOptions = true,
        versionProvider = PromoteCommand.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Gives container images an immutable build tag and moves environment tags (testing -> staging -> "
                    + "production) between them by rewriting the same manifest bytes under another tag; no layer moves.",
            "",
            "REPO is host[:port]/name (Amazon ECR when the host is <account>.dkr.ecr.<region>.amazonaws.com) "
                    + "or oci:PATH (an OCI image layout on disk)."},
        footer = {"",
            "Exit codes: 0 success (unchanged included), 1 registry or technical failure, 2 invalid input, 3 refused by policy.",
            "Start with: promote demo"})
public final class PromoteCommand implements Runnable {
    /**
     * The verbs, in the order help lists them. Added by {@link #commandLine} rather than by the annotation's
     * {@code subcommands}: picocli builds a command's model from its annotations by reflection, a good part of a
     * short run's start-up, and a run needs only its own verb's.
     */
    private static final Map<String, Class<?>> VERBS = verbs();

    private static Map<String, Class<?>> verbs() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> c : List.of(BuildTagCommand.class, TagCommand.class, ToCommand.class, StateCommand.class,
                TagsCommand.class, DigestCommand.class, DemoCommand.class, CompletionCommand.class)) {
            m.put(c.getAnnotation(Command.class).name(), c);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Success, including "unchanged". */
    public static final int OK = 0;
    /** The registry failed, could not be reached, refused the credentials; or another technical failure. */
    public static final int FAILED = 1;
    /** The input was malformed or named something that is not there. */
    public static final int INVALID_INPUT = 2;
    /** A policy refused the request; nothing was written. */
    public static final int REFUSED = 3;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    public PromoteCommand() {
        this(System.in);
    }

    /** A command that reads {@code --password-stdin} from the given stream (tests pass their own). */
    public PromoteCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: build-tag, tag, to, state, tags, digest, demo or completion");
    }

    /** The command line with this tool's exit codes and error reporting, writing to the given streams. */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return commandLine(stdin, out, err, null);
    }

    /**
     * The same, built for a run whose first argument is {@code firstArgument} (null: for any run). A verb gets its
     * full model; the other verbs, which that run cannot reach, are listed by name and description only. A run of
     * {@code help} or {@code completion} needs every verb's options, so gets every model.
     */
    static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err, String firstArgument) {
        CommandLine cl = new CommandLine(new PromoteCommand(stdin));
        boolean all = firstArgument == null || firstArgument.equals("help") || firstArgument.equals("completion");
        for (Map.Entry<String, Class<?>> verb : VERBS.entrySet()) {
            if (all || verb.getKey().equals(firstArgument)) {
                cl.addSubcommand(verb.getKey(), verb.getValue());
            } else {
                CommandSpec listed = CommandSpec.create();
                listed.usageMessage().description(verb.getValue().getAnnotation(Command.class).description());
                cl.addSubcommand(verb.getKey(), listed);
            }
        }
        cl.addSubcommand("help", CommandLine.HelpCommand.class);
        // Subcommands first: picocli applies the settings below to the subcommands present when they are made.
        cl.setOut(out);
        cl.setErr(err);
        ErrorReporter reporter = new ErrorReporter();
        cl.setExecutionExceptionHandler(reporter);
        cl.setParameterExceptionHandler(reporter);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Java's own parsers take any Unicode digits ("١٢" is 12); a number on this command line is ASCII digits only.
        cl.registerConverter(Integer.class, text -> (int) asciiNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(Integer.TYPE, text -> (int) asciiNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(Long.class, text -> asciiNumber(text, Long.MIN_VALUE, Long.MAX_VALUE));
        cl.registerConverter(Long.TYPE, text -> asciiNumber(text, Long.MIN_VALUE, Long.MAX_VALUE));
        return cl;
    }

    /** A whole number in ASCII digits with an optional '-', within the bounds; else a usage error (exit 2). */
    static long asciiNumber(String text, long min, long max) {
        if (text == null || !text.matches("-?[0-9]+")) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number in the digits 0-9");
        }
        if (text.length() <= 20) { // longer is out of range anyway; no need to parse a million digits
            try {
                long n = Long.parseLong(text);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is out of range; it must be between " + min
                + " and " + max);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(System.in, out, err, args.length == 0 ? "" : args[0]).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PromoteCommand.class.getPackage().getImplementationVersion();
            return new String[] {"promote " + (v == null ? "development" : v)};
        }
    }
}
