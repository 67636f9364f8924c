package io.github.ecrpromotion.core.ref;

import io.github.ecrpromotion.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where images live: {@code host[:port]/name} in a registry (Amazon ECR when the host is
 * {@code <account>.dkr.ecr.<region>.amazonaws.com}) or {@code oci:PATH}, an on-disk OCI image layout.
 */
public final class Repository {
    /** Which kind of backend serves a repository. */
    public enum Kind { ECR, REGISTRY, LAYOUT }

    private static final Pattern ECR_HOST =
            Pattern.compile("(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.amazonaws\\.com(?:\\.cn)?");
    /** Host name or IPv4 address with an optional port. */
    private static final Pattern HOST = Pattern.compile(
            "(?:localhost|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)(?::\\d{1,5})?|localhost(?::\\d{1,5})?|[A-Za-z0-9-]+:\\d{1,5}");
    /** Repository name grammar of the distribution spec. */
    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

    private final Kind kind;
    private final String host;
    private final String name;
    private final Path layout;

    private Repository(Kind kind, String host, String name, Path layout) {
        this.kind = kind;
        this.host = host;
        this.name = name;
        this.layout = layout;
    }

    /** Parses untrusted text: {@code host[:port]/name} or {@code oci:PATH}. */
    public static Repository parse(String text) throws InvalidInputException {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        if (text.startsWith("oci:")) {
            String path = text.substring(4);
            if (path.isEmpty()) {
                throw invalid(text, "'oci:' must be followed by the path of an OCI image layout directory");
            }
            return new Repository(Kind.LAYOUT, null, null, Path.of(path).toAbsolutePath().normalize());
        }
        if (text.contains("://")) {
            throw invalid(text, "a repository is written without a scheme, as host[:port]/name");
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw invalid(text, "it must be host[:port]/name (for example 123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo) or oci:PATH");
        }
        String host = text.substring(0, slash);
        String name = text.substring(slash + 1);
        if (name.contains(":") || name.contains("@")) {
            throw invalid(text, "it names an image, not a repository: leave out ':tag' or '@digest'");
        }
        if (!HOST.matcher(host).matches()) {
            throw invalid(text, "'" + host + "' is not a registry host; it must be a host name with a dot, localhost, or host:port");
        }
        String outOfRange = outOfRange(host);
        if (outOfRange != null) {
            throw invalid(text, outOfRange);
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid(text, "the name '" + name + "' must be lower-case letters and digits separated by '.', '_', '__', '-' or '/'");
        }
        Kind kind = ECR_HOST.matcher(host).matches() ? Kind.ECR : Kind.REGISTRY;
        return new Repository(kind, host, name, null);
    }

    /**
     * Why a host the grammar accepts still cannot be used, or null: a port outside 1-65535, a label over 63
     * characters or a name over 253 (RFC 1035). Checked here so such text is invalid input with a sentence, not an
     * IllegalArgumentException from java.net later.
     */
    private static String outOfRange(String host) {
        int colon = host.lastIndexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        if (colon >= 0) {
            int port = Integer.parseInt(host.substring(colon + 1)); // 1 to 5 ASCII digits by the grammar
            if (port < 1 || port > 65535) {
                return "its port " + host.substring(colon + 1) + " is out of range; a port is 1 to 65535";
            }
        }
        for (String label : name.split("\\.")) {
            if (label.length() > 63) {
                return "its host name has a label of " + label.length() + " characters; each part between dots has "
                        + "at most 63";
            }
        }
        if (name.length() > 253) {
            return "its host name has " + name.length() + " characters; a host name has at most 253";
        }
        return null;
    }

    /** For code that already knows the text is valid. */
    public static Repository of(String text) {
        try {
            return parse(text);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** An on-disk OCI image layout. */
    public static Repository layout(Path dir) {
        return new Repository(Kind.LAYOUT, null, null, dir.toAbsolutePath().normalize());
    }

    private static InvalidInputException invalid(String text, String why) {
        return new InvalidInputException("Tried to read the repository '" + text + "' but failed because " + why);
    }

    public Kind kind() {
        return kind;
    }

    /** Registry host with port; empty for a layout. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** Repository name inside the registry; for a layout, its directory. */
    public String name() {
        return kind == Kind.LAYOUT ? layout.toString() : name;
    }

    /** The layout directory; empty for registries. */
    public Optional<Path> layoutPath() {
        return Optional.ofNullable(layout);
    }

    /** The 12-digit AWS account that owns an ECR registry (its registry id). */
    public Optional<String> ecrAccount() {
        return ecrPart(1);
    }

    /** The AWS region of an ECR registry. */
    public Optional<String> ecrRegion() {
        return ecrPart(2);
    }

    private Optional<String> ecrPart(int group) {
        if (kind != Kind.ECR) {
            return Optional.empty();
        }
        Matcher m = ECR_HOST.matcher(host);
        return m.matches() ? Optional.of(m.group(group)) : Optional.empty();
    }

    /** Whether the host is the loopback, where plain HTTP is the default. */
    public boolean isLoopback() {
        if (host == null) {
            return false;
        }
        String h = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return h.equals("localhost") || h.startsWith("127.");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Repository r && kind == r.kind && Objects.equals(host, r.host)
                && Objects.equals(name, r.name) && Objects.equals(layout, r.layout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, host, name, layout);
    }

    /** The canonical form that {@link #parse} takes. */
    @Override
    public String toString() {
        return kind == Kind.LAYOUT ? "oci:" + layout : host + "/" + name;
    }
}
