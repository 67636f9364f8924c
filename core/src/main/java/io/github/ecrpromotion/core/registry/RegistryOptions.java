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
    private final String username;
    private final String password;
    private final boolean plainHttp;
    private final Duration timeout;
    private final String dockerConfig;

    private RegistryOptions(Builder b) {
        this.region = b.region;
        this.endpointUrl = b.endpointUrl;
        this.roleArn = b.roleArn;
        this.externalId = b.externalId;
        this.accessKeyId = b.accessKeyId;
        this.secretAccessKey = b.secretAccessKey;
        this.username = b.username;
        this.password = b.password;
        this.plainHttp = b.plainHttp;
        this.timeout = b.timeout;
        this.dockerConfig = b.dockerConfig;
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
        b.username = username;
        b.password = password;
        b.plainHttp = plainHttp;
        b.timeout = timeout;
        b.dockerConfig = dockerConfig;
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

    /** Time limit for connecting and for each request. */
    public Duration timeout() {
        return timeout;
    }

    /** Path of a Docker config.json with {@code auths}; empty means ~/.docker/config.json. */
    public Optional<String> dockerConfig() {
        return Optional.ofNullable(dockerConfig);
    }

    @Override
    public String toString() {
        return "RegistryOptions{region=" + region + ", endpointUrl=" + endpointUrl + ", roleArn=" + roleArn
                + ", externalId=" + (externalId == null ? null : "****") + ", accessKeyId=" + (accessKeyId == null ? null : "****")
                + ", secretAccessKey=" + (secretAccessKey == null ? null : "****") + ", username=" + username
                + ", password=" + (password == null ? null : "****") + ", plainHttp=" + plainHttp + ", timeout=" + timeout + "}";
    }

    /** Builder; blank strings count as absent. */
    public static final class Builder {
        private String region;
        private String endpointUrl;
        private String roleArn;
        private String externalId;
        private String accessKeyId;
        private String secretAccessKey;
        private String username;
        private String password;
        private boolean plainHttp;
        private Duration timeout = Duration.ofSeconds(30);
        private String dockerConfig;

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

        public RegistryOptions build() {
            return new RegistryOptions(this);
        }
    }
}
