package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.registry.ImmutableTagException;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one sentence on stderr and an exit code: the core's message plus the fix in this tool's words.
 * A stack trace appears only with {@code --debug}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    /** A failure as the user sees it. */
    record Report(int exitCode, String sentence) {
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        boolean debug = debug(parseResult);
        Report r = report(ex, debug);
        PrintWriter err = commandLine.getErr();
        err.println("error: " + TerminalText.escape(r.sentence()));
        if (debug) {
            // The trace repeats the messages, which carry user and registry text: escaped line by line too.
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            for (String line : trace.toString().lines().toList()) {
                String indent = line.startsWith("\t") ? "\t" : ""; // the trace's own "\tat ..." lines
                err.println(indent + TerminalText.escape(line.substring(indent.length())));
            }
        }
        err.flush();
        return r.exitCode();
    }

    /** Usage errors (missing, unknown or conflicting options): exit 2 and a pointer to the command's help. */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        // picocli starts some messages with "Error: "; this tool says "error: " once.
        String msg = strip(ex.getMessage()).replaceFirst("^(?i)error:\\s*", "");
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            // picocli's own suggestions ("Did you mean ...") are helpful; keep them on the same line.
            var suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                msg += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        err.println("error: " + TerminalText.escape(msg) + "; run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return PromoteCommand.INVALID_INPUT;
    }

    /** The exit code and sentence for any failure, as shown without {@code --debug}. */
    static Report report(Throwable ex) {
        return report(ex, false);
    }

    /**
     * The exit code and sentence for any failure. With {@code --debug} the stack trace follows the sentence, so the
     * sentence does not ask for a run with {@code --debug}; it points at the trace below instead.
     */
    static Report report(Throwable ex, boolean debug) {
        if (isImmutableTag(ex)) {
            return new Report(PromoteCommand.REFUSED, sentence(ex, "the repository has immutable tags; set its tag "
                    + "mutability to IMMUTABLE_WITH_EXCLUSION with the environment names as exclusions, so build tags "
                    + "stay fixed and environment tags can move"));
        }
        if (ex instanceof PromotionRefusedException refused) {
            String fix = switch (refused.policy()) {
                case NOT_FROM_PREDECESSOR -> "with this tool: 'promote to ENV REPO --build-tag TAG' or '--digest DIGEST' "
                        + "(with 'promote tag', give --source as a digest)";
                case LAST_TAG -> "give that image a build tag first with 'promote tag REPO --source DIGEST --build-tag TAG'";
                case BUILD_TAG_TAKEN -> "make a new build tag with 'promote build-tag' for a new build";
                case IMAGE_OF_ANOTHER_BUILD -> "with this tool: 'promote to ENV REPO --build-tag TAG'";
                case SOURCE_MOVED -> "look at 'promote state REPO' and promote the image the environment holds now";
                case IMMUTABLE_TAG -> "set the repository's tag mutability to IMMUTABLE_WITH_EXCLUSION with the "
                        + "environment names as exclusions";
            };
            return new Report(PromoteCommand.REFUSED, sentence(ex, fix));
        }
        if (ex instanceof InvalidInputException) {
            String fix = ex.getMessage() != null && ex.getMessage().contains("is not in the environment chain")
                    ? "give the chain with --environments if it is not testing,staging,production" : null;
            return new Report(PromoteCommand.INVALID_INPUT, sentence(ex, fix));
        }
        if (ex instanceof RegistryException failed && failed.remedy().isPresent()) {
            return new Report(PromoteCommand.FAILED, sentence(ex, remedyFix(failed.remedy().get())));
        }
        if (ex instanceof RegistryException failed) {
            String fix = switch (failed.reason()) {
                case AUTH -> "check --username/--password-stdin or the registry's entry in the Docker config";
                case UNAVAILABLE -> "check the registry address and --timeout";
                case NOT_FOUND -> "check the repository (for oci:PATH the directory, for ECR also --region and --endpoint-url)";
                case CONFLICT -> "check the repository's settings and its state ('promote state REPO') before running again";
                case PROTOCOL -> debug ? "see the stack trace below for details" : "run again with --debug for details";
            };
            return new Report(PromoteCommand.FAILED, sentence(ex, fix));
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return new Report(PromoteCommand.FAILED, "Tried to read or write a file but failed because "
                    + strip(String.valueOf(ex.getMessage())) + "; check the path and its permissions.");
        }
        return new Report(PromoteCommand.FAILED, "Tried to run promote but failed because of an unexpected "
                + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : " (" + strip(ex.getMessage()) + ")")
                + (debug ? "; see the stack trace below." : "; run again with --debug to see where."));
    }

    /**
     * A tag write that an immutable repository refused: the backend's {@link ImmutableTagException} (a CONFLICT,
     * ECR's ImageTagAlreadyExistsException), or the IMMUTABLE_TAG policy if the executor turned it into a refusal.
     * Either way nothing moved, so it is a refusal (exit 3), not a registry failure.
     */
    static boolean isImmutableTag(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ImmutableTagException) {
                return true;
            }
            if (t instanceof PromotionRefusedException r && r.policy() == PromotionRefusedException.Policy.IMMUTABLE_TAG) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fix for a failure that only a client setting fixes, in this tool's options: an untrusted certificate takes
     * {@code --ca-cert} or {@code --tls-verify=false}; a certificate for another name only {@code --tls-verify=false}.
     * Never {@code --plain-http}: on a host other than the loopback it would send the credentials in the clear.
     */
    static String remedyFix(RegistryException.Remedy remedy) {
        return switch (remedy) {
            case TRUST_CA -> "give the CA certificate that signed it with --ca-cert FILE, or skip verification with "
                    + "--tls-verify=false (for a test registry only)";
            case CERTIFICATE_HOST -> "use the host name the certificate names, or skip verification with "
                    + "--tls-verify=false (for a test registry only)";
            case CREDENTIAL_HELPER -> "install or fix that credential helper, or remove it from credsStore/credHelpers "
                    + "in the Docker config, or give --username with --password-stdin";
            case USE_TLS -> "give --tls for a loopback host, and leave out --plain-http";
            case AWS_CREDENTIALS -> "check the AWS credentials: the AWS_* environment variables, AWS_PROFILE, "
                    + "the container or instance role, and --role-arn with --external-id";
            case CHECK_TLS -> "check that the registry serves HTTPS at that address (with --tls on a loopback host, "
                    + "leave it out if the registry serves HTTP)";
        };
    }

    /** The core's message (which says what was wrong and what is valid) and the fix, as one sentence. */
    private static String sentence(Throwable ex, String fix) {
        String msg = strip(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        if (fix == null) {
            return msg + ".";
        }
        // A backend or the core may end with a generic fix ("; check the credentials"); the fix in this tool's
        // words says the same more precisely, so it replaces that clause instead of repeating it.
        int last = msg.lastIndexOf("; ");
        if (last > 0 && firstWord(msg.substring(last + 2)).equals(firstWord(fix))) {
            msg = msg.substring(0, last);
        }
        return msg + "; " + fix + ".";
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static String strip(String s) {
        String t = s.strip().replaceAll("\\s*\\R\\s*", " ");
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Whether {@code --debug} was given on any command of this invocation. */
    private static boolean debug(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
