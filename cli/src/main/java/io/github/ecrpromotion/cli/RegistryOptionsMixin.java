package io.github.ecrpromotion.cli;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.BuildTagDigests;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to a registry: the environment chain, how to reach it and how to log in. */
final class RegistryOptionsMixin {
    @Option(names = "--environments", paramLabel = "a,b,c", defaultValue = "testing,staging,production",
            description = "The environment chain, in order (default: ${DEFAULT-VALUE}).")
    String environments;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region for ECR (default: the one in the repository host).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "ECR API endpoint to use instead of AWS's (a VPC endpoint, or moto in tests).")
    String endpointUrl;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "IAM role to assume for ECR through STS.")
    String roleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "External ID for --role-arn.")
    String externalId;

    @Option(names = "--plain-http",
            description = "Talk HTTP, not HTTPS, to the registry (always the case for localhost and 127.0.0.1).")
    boolean plainHttp;

    @Option(names = "--tls",
            description = "Talk HTTPS even to a loopback host (localhost, 127.x), which is otherwise reached over HTTP.")
    boolean tls;

    @Option(names = "--tls-verify", paramLabel = "true|false", arity = "0..1", defaultValue = "true",
            fallbackValue = "true",
            description = "Verify the registry's TLS certificate and host name (default: ${DEFAULT-VALUE}). "
                    + "--tls-verify=false accepts any certificate: for a test registry only.")
    boolean tlsVerify = true;

    @Option(names = "--insecure", description = "The same as --tls-verify=false (crane's name).")
    boolean insecure;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "A PEM file of one or more CA certificates to trust for this run, besides the JDK's "
                    + "(for a registry whose certificate an internal CA signed).")
    java.nio.file.Path caCert;

    @Option(names = "--username", paramLabel = "USER",
            description = "Registry user (basic or token auth); the password comes from --password-stdin. "
                    + "Default: the Docker config ($DOCKER_CONFIG/config.json or ~/.docker/config.json, with its "
                    + "credential helpers), or anonymous.")
    String username;

    @Option(names = "--password-stdin",
            description = "Read the registry password from standard input (never give it as an argument).")
    boolean passwordStdin;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Time limit for connecting and for each request, in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--debug", description = "Print the stack trace of an error.")
    boolean debug;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where to remember which image each build tag names, for registries reached over HTTP "
                    + "(default: $PROMOTE_CACHE_DIR, else $XDG_CACHE_HOME/ecr-promotion, else ~/.cache/ecr-promotion).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Do not read or write the build tag cache (every look-up asks the registry).")
    boolean noCache;

    /** The chain {@code --environments} names. */
    EnvironmentChain chain() throws InvalidInputException {
        return EnvironmentChain.parse(environments);
    }

    /** Registry options from the flags; reads the password from {@code stdin} when asked. */
    RegistryOptions options(InputStream stdin) throws InvalidInputException, IOException {
        if (timeoutSeconds <= 0) {
            throw new InvalidInputException("Tried to read --timeout " + timeoutSeconds + " but failed because it must "
                    + "be a whole number of seconds greater than 0");
        }
        RegistryOptions.Builder b = RegistryOptions.builder()
                // one registry per command: --timeout bounds the whole command, every call and retry included
                .timeoutCoversOperation(true)
                .region(region)
                .endpointUrl(endpointUrl)
                .roleArn(roleArn)
                .externalId(externalId)
                .plainHttp(plainHttp)
                .tls(tls)
                .tlsVerify(tlsVerify && !insecure)
                .caCertificate(caCert)
                .dockerConfig(dockerConfigPath(System.getenv("DOCKER_CONFIG")))
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .buildTagDigests(noCache ? BuildTagDigests.NONE
                        : BuildTagDigests.inDirectory(cacheDirectory(cacheDir, System.getenv()).resolve("build-tags")));
        if (passwordStdin && (username == null || username.isBlank())) {
            throw new InvalidInputException("Tried to log in with --password-stdin but failed because no --username was "
                    + "given; give both");
        }
        if (username != null && !username.isBlank()) {
            for (int i = 0; i < username.length(); i++) {
                char c = username.charAt(i);
                // A line break or other control character would end up inside an HTTP header; ':' would split the
                // user name in Basic auth (RFC 7617: the user id contains no colon).
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == ':') {
                    throw new InvalidInputException("Tried to log in as '" + username + "' but failed because a user "
                            + "name must not contain ':', line breaks or other control characters");
                }
            }
            if (!passwordStdin) {
                throw new InvalidInputException("Tried to log in as '" + username + "' but failed because no password "
                        + "was given; pipe it in with --password-stdin");
            }
            b.basicAuth(username, readPassword(stdin));
        }
        return b.build();
    }

    /** Parses the repository, builds the options and opens the backend that serves it; nothing is read yet. */
    Registry open(String repository, InputStream stdin) throws InvalidInputException, RegistryException, IOException {
        Repository repo = Repository.parse(repository);
        requireApplicable(repo);
        return Registries.open(repo, options(stdin));
    }

    /**
     * Refuses options the repository's backend would ignore: a user who gives {@code --endpoint-url} for a plain
     * registry, or {@code --username} for ECR, expects it to matter, and silently ignoring it hides the mistake.
     */
    void requireApplicable(Repository repo) throws InvalidInputException {
        String ecrOnly = "applies only to Amazon ECR repositories (<account>.dkr.ecr.<region>.amazonaws.com/NAME, or "
                + "the FIPS, China or dual-stack form of that host)";
        String registryOnly = "applies only to registries reached over HTTP (host[:port]/NAME other than ECR)";
        if (repo.kind() != Repository.Kind.ECR) {
            refuseIf(region != null, "--region", repo, ecrOnly);
            refuseIf(endpointUrl != null, "--endpoint-url", repo, ecrOnly);
            refuseIf(roleArn != null, "--role-arn", repo, ecrOnly);
            refuseIf(externalId != null, "--external-id", repo, ecrOnly);
        }
        if (repo.kind() != Repository.Kind.REGISTRY) {
            refuseIf(plainHttp, "--plain-http", repo, registryOnly);
            refuseIf(tls, "--tls", repo, registryOnly);
            refuseIf(!tlsVerify, "--tls-verify=false", repo, registryOnly);
            refuseIf(insecure, "--insecure", repo, registryOnly);
            refuseIf(caCert != null, "--ca-cert", repo, registryOnly);
            refuseIf(username != null, "--username", repo, registryOnly
                    + (repo.kind() == Repository.Kind.ECR ? "; ECR takes the AWS credentials" : ""));
            refuseIf(passwordStdin, "--password-stdin", repo, registryOnly);
            refuseIf(cacheDir != null, "--cache-dir", repo, registryOnly
                    + (repo.kind() == Repository.Kind.ECR ? "; ECR names an image's tags in one call" : ""));
            refuseIf(noCache, "--no-cache", repo, registryOnly);
        }
        if (cacheDir != null && noCache) {
            throw new InvalidInputException("Tried to use --cache-dir with --no-cache but failed because one names a "
                    + "cache and the other turns it off; give one of them");
        }
        if (tls && plainHttp) {
            throw new InvalidInputException("Tried to use --tls with --plain-http but failed because one asks for "
                    + "HTTPS and the other for HTTP; give one of them");
        }
        if (caCert != null && !java.nio.file.Files.isReadable(caCert)) {
            throw new InvalidInputException("Tried to read the CA certificates in --ca-cert " + caCert + " but failed "
                    + "because there is no readable file there; give a PEM file");
        }
        if (externalId != null && roleArn == null) {
            throw new InvalidInputException("Tried to use --external-id but failed because it belongs to a role; "
                    + "give --role-arn too");
        }
        if (endpointUrl != null) {
            URI uri;
            try {
                uri = new URI(endpointUrl);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || uri.getScheme() == null
                    || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
                throw new InvalidInputException("Tried to use --endpoint-url '" + endpointUrl + "' but failed because "
                        + "it is not an http:// or https:// URL with a host, for example "
                        + "https://vpce-0abc-ecr.api.ecr.us-east-1.vpce.amazonaws.com");
            }
        }
    }

    private static void refuseIf(boolean given, String option, Repository repo, String why) throws InvalidInputException {
        if (given) {
            throw new InvalidInputException("Tried to use " + option + " with " + repo + " but failed because it "
                    + why + "; leave it out");
        }
    }

    /**
     * The cache directory: {@code --cache-dir}, else {@code $PROMOTE_CACHE_DIR}, else
     * {@code $XDG_CACHE_HOME/ecr-promotion} (an absolute XDG_CACHE_HOME only, as the XDG spec says), else
     * {@code ~/.cache/ecr-promotion}. Only the registry backend uses it; nothing is created until it learns something.
     */
    static Path cacheDirectory(Path option, java.util.Map<String, String> env) {
        if (option != null) {
            return option;
        }
        String own = env.get("PROMOTE_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "ecr-promotion");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ecr-promotion");
    }

    /**
     * The Docker config file docker would read: {@code $DOCKER_CONFIG/config.json} when the variable is set, else
     * null (the backend's default, {@code ~/.docker/config.json}). The CLI reads the environment; the core and the
     * backends never do (in Jenkins the controller's environment is not the job's).
     */
    static String dockerConfigPath(String dockerConfigEnv) {
        return dockerConfigEnv == null || dockerConfigEnv.isBlank() ? null
                : java.nio.file.Path.of(dockerConfigEnv, "config.json").toString();
    }

    /** Like {@code docker login --password-stdin}: the whole input, less one trailing line break. */
    private static String readPassword(InputStream stdin) throws IOException, InvalidInputException {
        String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new InvalidInputException("Tried to read the password from standard input for --password-stdin but "
                    + "failed because standard input was empty");
        }
        return text;
    }
}
