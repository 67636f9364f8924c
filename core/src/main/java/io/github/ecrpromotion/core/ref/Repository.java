package io.github.ecrpromotion.core.ref;

import io.github.ecrpromotion.core.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where images live: {@code host[:port]/name} in a registry (Amazon ECR when the host is one of ECR's registry host
 * forms, see {@link #parse}) or {@code oci:PATH}, an on-disk OCI image layout. Host names are case-insensitive and kept
 * in lower case; the name is case-sensitive and lower case by the distribution spec.
 */
public final class Repository {
    /** Which kind of backend serves a repository. */
    public enum Kind { ECR, REGISTRY, LAYOUT }

    /**
     * ECR's private registry hosts (lower case, no port), as the AWS General Reference lists them: IPv4
     * {@code dkr.ecr}, FIPS {@code dkr.ecr-fips}, dual-stack {@code dkr-ecr} and dual-stack FIPS {@code dkr-ecr-fips};
     * {@code amazonaws.com} / {@code on.aws} in the aws partitions and {@code amazonaws.com.cn} /
     * {@code on.amazonwebservices.com.cn} in China. Groups: account, endpoint kind, region, domain.
     */
    private static final Pattern ECR_HOST = Pattern.compile("(\\d{12})\\.(dkr\\.ecr|dkr\\.ecr-fips|dkr-ecr|dkr-ecr-fips)"
            + "\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.(amazonaws\\.com|amazonaws\\.com\\.cn|on\\.aws|on\\.amazonwebservices\\.com\\.cn)");
    /** Host name or IPv4 address with an optional port. */
    private static final Pattern HOST = Pattern.compile(
            "(?:localhost|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)(?::\\d{1,5})?|localhost(?::\\d{1,5})?|[A-Za-z0-9-]+:\\d{1,5}");
    /** A bracketed IPv6 literal with an optional port; the address itself is checked by {@link #ipv6}. */
    private static final Pattern IPV6_HOST = Pattern.compile("\\[([0-9A-Fa-f:.%A-Za-z0-9_-]+)\\](?::(\\d{1,5}))?");
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
        // Host names are case-insensitive (RFC 4343): LOCALHOST is the loopback and ECR hosts in capitals are ECR.
        String host = text.substring(0, slash).toLowerCase(Locale.ROOT);
        String name = text.substring(slash + 1);
        if (name.contains(":") || name.contains("@")) {
            throw invalid(text, "it names an image, not a repository: leave out ':tag' or '@digest'");
        }
        String outOfRange;
        if (host.startsWith("[")) {
            Matcher v6 = IPV6_HOST.matcher(host);
            if (!v6.matches()) {
                throw invalid(text, "'" + host + "' is not a registry host; an IPv6 address is written in brackets, "
                        + "as [::1] or [::1]:5000");
            }
            String why = ipv6(v6.group(1));
            if (why != null) {
                throw invalid(text, why);
            }
            outOfRange = v6.group(2) == null ? null : portOutOfRange(v6.group(2));
        } else {
            if (!HOST.matcher(host).matches()) {
                throw invalid(text, "'" + host + "' is not a registry host; it must be a host name with a dot, localhost, "
                        + "host:port or a bracketed IPv6 address");
            }
            outOfRange = outOfRange(host);
        }
        if (outOfRange != null) {
            throw invalid(text, outOfRange);
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid(text, "the name '" + name + "' must be lower-case letters and digits separated by '.', '_', '__', '-' or '/'");
        }
        Matcher ecr = ecrHost(host);
        int portAt = host.lastIndexOf(':');
        if (ecr == null && portAt > 0 && !host.startsWith("[") && ecrHost(host.substring(0, portAt)) != null) {
            throw invalid(text, "its ECR host names the port " + host.substring(portAt + 1) + ", but Amazon ECR serves "
                    + "HTTPS on port 443 only: leave the port out");
        }
        if (ecr != null) {
            // The SDK picks the partition from the region, so a host whose domain and region disagree would silently be
            // served by another partition's endpoint: refuse it rather than guess.
            boolean chinaDomain = ecr.group(4).endsWith(".cn");
            boolean chinaRegion = ecr.group(3).startsWith("cn-");
            if (chinaDomain != chinaRegion) {
                throw invalid(text, "its ECR host names the region " + ecr.group(3) + " under " + ecr.group(4) + ", but "
                        + (chinaRegion ? "the China regions (cn-*) are served under amazonaws.com.cn or "
                                + "on.amazonwebservices.com.cn" : "amazonaws.com.cn and on.amazonwebservices.com.cn serve "
                                + "only the China regions (cn-*)"));
            }
        }
        Kind kind = ecr != null ? Kind.ECR : Kind.REGISTRY;
        return new Repository(kind, host, name, null);
    }

    /**
     * The match of an ECR host, or null: IPv4 prefixes ({@code dkr.ecr}) go with amazonaws domains, dual-stack with on.*.
     * ECR serves HTTPS on port 443 only, so {@code :443} written out is the same endpoint.
     */
    private static Matcher ecrHost(String host) {
        Matcher m = ECR_HOST.matcher(host.endsWith(":443") ? host.substring(0, host.length() - 4) : host);
        return m.matches() && m.group(2).startsWith("dkr-ecr") == m.group(4).startsWith("on.") ? m : null;
    }

    /**
     * Why the text between the brackets is not a usable IPv6 address, or null. A zone id ({@code fe80::1%eth0}) names
     * an interface of this machine; it is refused because it cannot appear in the Host header and means nothing on the
     * registry's side. The address is checked as a literal by the JDK: text in brackets is never looked up in DNS.
     */
    private static String ipv6(String address) {
        if (address.contains("%")) {
            return "the IPv6 address [" + address + "] has a zone id ('%" + address.substring(address.indexOf('%') + 1)
                    + "'); zone ids name an interface of this machine and are not supported, give a global or loopback "
                    + "address";
        }
        if (!address.matches("[0-9a-f:.]+")) {
            return "[" + address + "] is not an IPv6 address";
        }
        try {
            InetAddress.getByName("[" + address + "]");
            return null;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return "[" + address + "] is not an IPv6 address";
        }
    }

    private static String portOutOfRange(String digits) {
        int port = Integer.parseInt(digits); // 1 to 5 ASCII digits by the grammar
        return port < 1 || port > 65535 ? "its port " + digits + " is out of range; a port is 1 to 65535" : null;
    }

    /**
     * Why a host the grammar accepts still cannot be used, or null: a port outside 1-65535, a label over 63
     * characters or a name over 253 (RFC 1035). Checked here so such text is invalid input with a sentence, not an
     * IllegalArgumentException from java.net later.
     */
    private static String outOfRange(String host) {
        int colon = host.lastIndexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        if (colon >= 0 && portOutOfRange(host.substring(colon + 1)) != null) {
            return portOutOfRange(host.substring(colon + 1));
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

    /**
     * Registry host with port, in lower case; an IPv6 address keeps its brackets ({@code [::1]:5000}), so
     * {@code scheme + "://" + host} is a URL. Empty for a layout.
     */
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
        return ecrPart(3);
    }

    /** Whether the ECR host is a FIPS endpoint ({@code dkr.ecr-fips} or {@code dkr-ecr-fips}). */
    public boolean isEcrFips() {
        return ecrPart(2).map(k -> k.endsWith("-fips")).orElse(false);
    }

    /** Whether the ECR host is a dual-stack (IPv4 and IPv6) endpoint ({@code dkr-ecr} or {@code dkr-ecr-fips}). */
    public boolean isEcrDualStack() {
        return ecrPart(2).map(k -> k.startsWith("dkr-ecr")).orElse(false);
    }

    private Optional<String> ecrPart(int group) {
        if (kind != Kind.ECR) {
            return Optional.empty();
        }
        Matcher m = ecrHost(host);
        return m != null ? Optional.of(m.group(group)) : Optional.empty();
    }

    /** Whether the host is the loopback, where plain HTTP is the default. */
    public boolean isLoopback() {
        if (host == null) {
            return false;
        }
        if (host.startsWith("[")) {
            Matcher v6 = IPV6_HOST.matcher(host);
            try {
                return v6.matches() && InetAddress.getByName("[" + v6.group(1) + "]").isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false; // unreachable: parse accepted only literals
            }
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
