package io.github.ecrpromotion.core.env;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.ref.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The ordered environments an image moves through, by default {@code testing -> staging -> production}. */
public final class EnvironmentChain {
    /** The design's chain. */
    public static final EnvironmentChain DEFAULT =
            new EnvironmentChain(List.of(Environment.of("testing"), Environment.of("staging"), Environment.of("production")));

    private final List<Environment> environments;

    private EnvironmentChain(List<Environment> environments) {
        this.environments = List.copyOf(environments);
    }

    /** Builds a chain; names must be distinct and there must be at least one. */
    public static EnvironmentChain of(List<Environment> environments) throws InvalidInputException {
        if (environments.isEmpty()) {
            throw new InvalidInputException("Tried to read the environment chain but failed because it is empty; "
                    + "give at least one environment name, for example testing,staging,production");
        }
        Set<Environment> seen = new LinkedHashSet<>();
        for (Environment e : environments) {
            if (!seen.add(e)) {
                throw new InvalidInputException("Tried to read the environment chain " + names(environments)
                        + " but failed because '" + e + "' appears twice; each environment may appear once");
            }
        }
        return new EnvironmentChain(environments);
    }

    /** Parses untrusted text such as {@code testing,staging,production} (also accepts {@code ->} and spaces). */
    public static EnvironmentChain parse(String text) throws InvalidInputException {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("Tried to read the environment chain but failed because it is empty; "
                    + "give names separated by commas, for example testing,staging,production");
        }
        List<Environment> list = new ArrayList<>();
        // Every separator must sit between two names: "testing,,staging" or "a->->b" is a typo, not a chain.
        // strip(), not trim(): trim() also drops control characters such as NUL, so "nul\0" would become "nul".
        for (String part : text.split(",|->", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw new InvalidInputException("Tried to read the environment chain '" + text + "' but failed because "
                        + "it has an empty name before, between or after its separators; give names separated by single "
                        + "commas or '->', for example testing,staging,production");
            }
            list.add(Environment.parse(name));
        }
        return of(list);
    }

    public List<Environment> environments() {
        return environments;
    }

    /** The environment of this name in the chain, or a clear error listing the valid names. */
    public Environment require(String name) throws InvalidInputException {
        return find(name).orElseThrow(() -> new InvalidInputException("Tried to use the environment '" + name
                + "' but failed because it is not in the environment chain; valid environments are " + this));
    }

    public Optional<Environment> find(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public boolean contains(Environment env) {
        return environments.contains(env);
    }

    /** Whether a tag is one of this chain's environment tags. */
    public boolean isEnvironmentTag(Tag tag) {
        return find(tag.value()).isPresent();
    }

    /** The environment that feeds this one; empty for the first. */
    public Optional<Environment> predecessor(Environment env) {
        int i = environments.indexOf(env);
        return i > 0 ? Optional.of(environments.get(i - 1)) : Optional.empty();
    }

    /** The environment this one feeds; empty for the last. */
    public Optional<Environment> next(Environment env) {
        int i = environments.indexOf(env);
        return i >= 0 && i < environments.size() - 1 ? Optional.of(environments.get(i + 1)) : Optional.empty();
    }

    /** The environment tags, in chain order. */
    public List<Tag> tags() {
        return environments.stream().map(Environment::tag).collect(Collectors.toUnmodifiableList());
    }

    private static String names(List<Environment> envs) {
        return envs.stream().map(Environment::name).collect(Collectors.joining(" -> "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvironmentChain c && environments.equals(c.environments);
    }

    @Override
    public int hashCode() {
        return environments.hashCode();
    }

    /** {@code testing -> staging -> production}. */
    @Override
    public String toString() {
        return names(environments);
    }

    /** {@code testing,staging,production}, the form {@link #parse} takes. */
    public String toListString() {
        return environments.stream().map(Environment::name).collect(Collectors.joining(","));
    }

    /** The unmodifiable names in order. */
    public List<String> names() {
        return Collections.unmodifiableList(environments.stream().map(Environment::name).collect(Collectors.toList()));
    }
}
