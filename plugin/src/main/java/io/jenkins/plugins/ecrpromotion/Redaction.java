package io.jenkins.plugins.ecrpromotion;

import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Masks known secret values in text before it reaches a build log or an exception message. The core never puts a
 * secret in a message; this guards against a registry echoing one back (an error body quoting the request).
 */
final class Redaction {
    static final String MASK = "****";

    private final List<String> secrets;

    private Redaction(Collection<String> secrets) {
        List<String> list = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                list.add(s);
            }
        }
        // longest first, so a secret containing another is masked whole
        list.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(list);
    }

    static Redaction of(Collection<String> secrets) {
        return new Redaction(secrets);
    }

    static Redaction of(RegistryOptions options) {
        List<String> s = new ArrayList<>();
        options.secretAccessKey().ifPresent(s::add);
        options.password().ifPresent(s::add);
        return new Redaction(s);
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /**
     * A stream that masks the secrets in every {@code print}/{@code println} of text before it reaches
     * {@code delegate} (PrintStream subclasses route println(String) and println(Object) through print(String)).
     */
    PrintStream wrap(PrintStream delegate) {
        if (secrets.isEmpty()) {
            return delegate;
        }
        return new PrintStream(delegate, true, StandardCharsets.UTF_8) {
            @Override
            public void print(String s) {
                super.print(apply(s));
            }
        };
    }
}
