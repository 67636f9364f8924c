package io.github.ecrpromotion.core.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach and authenticate to a registry. Secrets are held here only to hand them to a backend;
 * {@link #toString()} never shows them.
 */
public final class RegistryOptions {
    private final String region;
    private final String endpointUrl;
    private final String roleArn;
    private final String externalId;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final String awsProfile;
    private final String roleSessionName;
    private final boolean ambientCredentialsAllowed;
    private final boolean localLayoutsAllowed;
    private final boolean timeoutCoversOperation;
    private final Proxy proxy;
    private final String username;
    private final String password;
    private final boolean plainHttp;
    private final Duration timeout;
    private final String dockerConfig;
    private final java.util.List<java.nio.file.Path> credentialHelperPath;
    private final boolean tlsVerify;
    private final java.nio.file.Path caCertificate;
    private final boolean tls;
    private final BuildTagDigests buildTagDigests;

    private RegistryOptions(Builder b) {
        this.region = b.region;
        this.endpointUrl = b.endpointUrl;
        this.roleArn = b.roleArn;
        this.externalId = b.externalId;
        this.accessKeyId = b.accessKeyId;
        this.secretAccessKey = b.secretAccessKey;
        this.sessionToken = b.sessionToken;
        this.awsProfile = b.awsProfile;
        this.roleSessionName = b.roleSessionName;
        this.ambientCredentialsAllowed = b.ambientCredentialsAllowed;
        this.localLayoutsAllowed = b.localLayoutsAllowed;
        this.timeoutCoversOperation = b.timeoutCoversOperation;
        this.proxy = b.proxy;
        this.username = b.username;
        this.password = b.password;
        this.plainHttp = b.plainHttp;
        this.timeout = b.timeout;
        this.dockerConfig = b.dockerConfig;
        this.credentialHelperPath = b.credentialHelperPath;
        this.tlsVerify = b.tlsVerify;
        this.caCertificate = b.caCertificate;
        this.tls = b.tls;
        this.buildTagDigests = b.buildTagDigests;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RegistryOptions defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.region = region;
        b.endpointUrl = endpointUrl;
        b.roleArn = roleArn;
        b.externalId = externalId;
        b.accessKeyId = accessKeyId;
        b.secretAccessKey = secretAccessKey;
        b.sessionToken = sessionToken;
        b.awsProfile = awsProfile;
        b.roleSessionName = roleSessionName;
        b.ambientCredentialsAllowed = ambientCredentialsAllowed;
        b.localLayoutsAllowed = localLayoutsAllowed;
        b.timeoutCoversOperation = timeoutCoversOperation;
        b.proxy = proxy;
        b.username = username;
        b.password = password;
        b.plainHttp = plainHttp;
        b.timeout = timeout;
        b.dockerConfig = dockerConfig;
        b.credentialHelperPath = credentialHelperPath;
        b.tlsVerify = tlsVerify;
        b.caCertificate = caCertificate;
        b.tls = tls;
        b.buildTagDigests = buildTagDigests;
        return b;
    }

    /** AWS region; when empty, ECR takes it from the repository host. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** Endpoint override (moto in tests, a VPC endpoint in production). */
    public Optional<String> endpointUrl() {
        return Optional.ofNullable(endpointUrl);
    }

    public Optional<String> roleArn() {
        return Optional.ofNullable(roleArn);
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    /** Static AWS access key id; when empty, the AWS default credentials chain is used. */
    public Optional<String> accessKeyId() {
        return Optional.ofNullable(accessKeyId);
    }

    public Optional<String> secretAccessKey() {
        return Optional.ofNullable(secretAccessKey);
    }

    /** AWS session token that goes with temporary keys (STS); empty for long-term keys. */
    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    /** A named profile of the AWS shared config files ({@code ~/.aws/config}, {@code ~/.aws/credentials}). */
    public Optional<String> awsProfile() {
        return Optional.ofNullable(awsProfile);
    }

    /**
     * The role session name for an assumed role (STS AssumeRole {@code RoleSessionName}: 2 to 64 characters of
     * {@code [\w+=,.@-]}), so CloudTrail shows who acted. Default {@code ecr-promotion}.
     */
    public String roleSessionName() {
        return roleSessionName;
    }

    /**
     * Whether credentials nobody gave explicitly may be used: the AWS default chain (environment, profiles, instance
     * role of the machine) when no keys or profile are given, and {@code ~/.docker/config.json} when no user is given.
     * True by default (the CLI acts as the user who runs it); a server that runs other people's jobs turns it off.
     */
    public boolean ambientCredentialsAllowed() {
        return ambientCredentialsAllowed;
    }

    /**
     * Whether {@code oci:PATH} layouts (directories on this machine) may be opened. True by default (the CLI reads the
     * user's own disk); a server running other people's jobs turns it off unless its administrator allows it.
     */
    public boolean localLayoutsAllowed() {
        return localLayoutsAllowed;
    }

    /** The HTTP proxy to reach registries through; empty means direct connections. */
    public Optional<Proxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Registry user for basic or token auth; when empty, ~/.docker/config.json or anonymous. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** Use HTTP instead of HTTPS (always the case for localhost and 127.0.0.1). */
    public boolean plainHttp() {
        return plainHttp;
    }

    /**
     * Whether {@link #timeout()} bounds everything done through one opened registry, from opening it on (every call,
     * retry, wait and body), rather than each call. The CLI (one registry per command) and the Jenkins steps (one per
     * step) turn it on; long-lived users (benchmarks, tests) leave it off.
     */
    public boolean timeoutCoversOperation() {
        return timeoutCoversOperation;
    }

    /** Time limit for connecting and for each request. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Path of the Docker config.json to read ({@code auths}, {@code credHelpers}, {@code credsStore}); empty means
     * {@code ~/.docker/config.json}. The front end resolves {@code $DOCKER_CONFIG}: the core never reads the process
     * environment.
     */
    public Optional<String> dockerConfig() {
        return Optional.ofNullable(dockerConfig);
    }

    /**
     * The directories to look for {@code docker-credential-<name>} helpers in, in order; empty (the default) means the
     * operating system's search of this process's PATH. Meant for tests, which put a fake helper in a temp directory.
     */
    public java.util.List<java.nio.file.Path> credentialHelperPath() {
        return credentialHelperPath;
    }

    /**
     * Whether the registry's TLS certificate and host name are verified (skopeo's {@code --tls-verify}). True by
     * default; false accepts any certificate, for a test registry only.
     */
    public boolean tlsVerify() {
        return tlsVerify;
    }

    /**
     * A PEM file of one or more CA certificates to trust for this run, in addition to (never instead of) the JDK's
     * trusted CAs; for a registry whose certificate an internal CA signed.
     */
    public Optional<java.nio.file.Path> caCertificate() {
        return Optional.ofNullable(caCertificate);
    }

    /** HTTPS even for a loopback host, which is otherwise reached over plain HTTP (as crane and docker do). */
    public boolean tls() {
        return tls;
    }

    /**
     * Where a registry backend remembers the digests of build tags between runs ({@link BuildTagDigests#NONE} by
     * default: a registry object then remembers them only while it is open).
     */
    public BuildTagDigests buildTagDigests() {
        return buildTagDigests;
    }

    @Override
    public String toString() {
        return "RegistryOptions{region=" + region + ", endpointUrl=" + endpointUrl + ", roleArn=" + roleArn
                + ", externalId=" + (externalId == null ? null : "****") + ", accessKeyId=" + (accessKeyId == null ? null : "****")
                + ", secretAccessKey=" + (secretAccessKey == null ? null : "****")
                + ", sessionToken=" + (sessionToken == null ? null : "****") + ", awsProfile=" + awsProfile
                + ", roleSessionName=" + roleSessionName + ", ambientCredentialsAllowed=" + ambientCredentialsAllowed
                + ", proxy=" + proxy + ", username=" + username
                + ", password=" + (password == null ? null : "****") + ", plainHttp=" + plainHttp + ", tls=" + tls
                + ", tlsVerify=" + tlsVerify + ", caCertificate=" + caCertificate + ", timeout=" + timeout
                + ", " + buildTagDigests + "}";
    }

    /**
     * An HTTP proxy: host, port, optional user and password for it, and the hosts reached directly (names with
     * {@code *} wildcards, as in Jenkins' "No Proxy Host" list).
     */
    public record Proxy(String host, int port, String username, String password, java.util.List<String> noProxyHosts) {
        public Proxy {
            if (host == null || host.isBlank() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("a proxy needs a host and a port from 1 to 65535");
            }
            noProxyHosts = noProxyHosts == null ? java.util.List.of() : java.util.List.copyOf(noProxyHosts);
        }

        /**
         * Whether {@code target} is reached without the proxy: it matches one of the no-proxy hosts, where {@code *}
         * stands for any characters and the rest must match exactly (ignoring case), as Jenkins matches its list:
         * {@code *.example.com} (not {@code example.com} itself), {@code 10.0.*}, {@code registry.local}.
         */
        public boolean bypasses(String target) {
            String h = target.toLowerCase(java.util.Locale.ROOT);
            for (String pattern : noProxyHosts) {
                String p = pattern.trim().toLowerCase(java.util.Locale.ROOT);
                if (!p.isEmpty() && globMatches(p, h)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean globMatches(String glob, String text) {
            String[] parts = glob.split("\\*", -1);
            if (parts.length == 1) {
                return glob.equals(text);
            }
            if (!text.startsWith(parts[0])) {
                return false;
            }
            int at = parts[0].length();
            for (int i = 1; i < parts.length - 1; i++) {
                int found = text.indexOf(parts[i], at);
                if (found < 0) {
                    return false;
                }
                at = found + parts[i].length();
            }
            String last = parts[parts.length - 1];
            return text.length() - last.length() >= at && text.endsWith(last);
        }

        @Override
        public String toString() {
            return host + ":" + port + (username == null ? "" : " (user " + username + ", password ****)")
                    + (noProxyHosts.isEmpty() ? "" : ", direct to " + noProxyHosts);
        }
    }

    /** Builder; blank strings count as absent. */
    public static final class Builder {
        private String region;
        private String endpointUrl;
        private String roleArn;
        private String externalId;
        private String accessKeyId;
        private String secretAccessKey;
        private String sessionToken;
        private String awsProfile;
        private String roleSessionName = "ecr-promotion";
        private boolean ambientCredentialsAllowed = true;
        private boolean localLayoutsAllowed = true;
        private boolean timeoutCoversOperation;
        private Proxy proxy;
        private String username;
        private String password;
        private boolean plainHttp;
        private Duration timeout = Duration.ofSeconds(30);
        private String dockerConfig;
        private java.util.List<java.nio.file.Path> credentialHelperPath = java.util.List.of();
        private boolean tlsVerify = true;
        private java.nio.file.Path caCertificate;
        private boolean tls;
        private BuildTagDigests buildTagDigests = BuildTagDigests.NONE;

        private Builder() {
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }

        public Builder region(String v) {
            region = blankToNull(v);
            return this;
        }

        public Builder endpointUrl(String v) {
            endpointUrl = blankToNull(v);
            return this;
        }

        public Builder roleArn(String v) {
            roleArn = blankToNull(v);
            return this;
        }

        public Builder externalId(String v) {
            externalId = blankToNull(v);
            return this;
        }

        public Builder awsKeys(String keyId, String secret) {
            accessKeyId = blankToNull(keyId);
            secretAccessKey = blankToNull(secret);
            return this;
        }

        /** Temporary AWS keys with their session token (what STS and {@code withAWS} hand out). */
        public Builder awsKeys(String keyId, String secret, String token) {
            awsKeys(keyId, secret);
            sessionToken = blankToNull(token);
            return this;
        }

        public Builder awsProfile(String v) {
            awsProfile = blankToNull(v);
            return this;
        }

        /** Blank keeps the default {@code ecr-promotion}. */
        public Builder roleSessionName(String v) {
            String name = blankToNull(v);
            roleSessionName = name == null ? "ecr-promotion" : name;
            return this;
        }

        public Builder ambientCredentialsAllowed(boolean v) {
            ambientCredentialsAllowed = v;
            return this;
        }

        public Builder timeoutCoversOperation(boolean v) {
            timeoutCoversOperation = v;
            return this;
        }

        public Builder localLayoutsAllowed(boolean v) {
            localLayoutsAllowed = v;
            return this;
        }

        public Builder proxy(Proxy v) {
            proxy = v;
            return this;
        }

        public Builder basicAuth(String user, String pass) {
            username = blankToNull(user);
            password = pass;
            return this;
        }

        public Builder plainHttp(boolean v) {
            plainHttp = v;
            return this;
        }

        public Builder timeout(Duration v) {
            timeout = v;
            return this;
        }

        public Builder dockerConfig(String v) {
            dockerConfig = blankToNull(v);
            return this;
        }

        /** Directories to find credential helpers in (tests); null or empty means the process's PATH. */
        public Builder credentialHelperPath(java.util.List<java.nio.file.Path> v) {
            credentialHelperPath = v == null ? java.util.List.of() : java.util.List.copyOf(v);
            return this;
        }

        public Builder tlsVerify(boolean v) {
            tlsVerify = v;
            return this;
        }

        public Builder caCertificate(java.nio.file.Path v) {
            caCertificate = v;
            return this;
        }

        public Builder tls(boolean v) {
            tls = v;
            return this;
        }

        /** Where build tag digests are remembered between runs; null means {@link BuildTagDigests#NONE}. */
        public Builder buildTagDigests(BuildTagDigests v) {
            buildTagDigests = v == null ? BuildTagDigests.NONE : v;
            return this;
        }

        public RegistryOptions build() {
            return new RegistryOptions(this);
        }
    }
}
