package io.github.ecrpromotion.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}, the same on every verb; text is the default, JSON is for scripts. */
final class OutputFormat {
    /** The formats a verb can print. */
    enum Format { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "text (default) or json: one JSON document on stdout, with the field names in docs/CLI.md.")
    Format format;

    boolean json() {
        return format == Format.json;
    }
}
