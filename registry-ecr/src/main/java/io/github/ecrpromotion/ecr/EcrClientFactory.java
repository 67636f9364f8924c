package io.github.ecrpromotion.ecr;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.core.registry.RetryPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.endpoints.EcrEndpointParams;
import software.amazon.awssdk.services.ecr.endpoints.EcrEndpointProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds the SDK clients for one ECR repository from {@link RegistryOptions}: HTTP client (with the proxy), retry
 * strategy, time limits, endpoint override and credentials, each set explicitly so nothing depends on the SDK's defaults or on what
 * else is on the class path. Tests may swap the retry strategy and add interceptors.
 */
final class EcrClientFactory {
    /** The session name CloudTrail shows for our assumed-role calls when the options name none. */
    static final String ROLE_SESSION_NAME = "ecr-promotion";
    /**
     * The shared {@link RetryPolicy#MAX_ATTEMPTS}: one more attempt than the SDK's default 3. PutImage is limited to 10
     * calls a second per account and region, so parallel builds may be throttled; the standard strategy retries
     * throttling errors with the longer jittered backoff of {@link RetryPolicy#THROTTLED_BASE_DELAY}. We do not use the
     * adaptive strategy: its client-side rate limiter learns from many calls of one long-lived client, while each run
     * here makes a handful of calls (one PutImage a tag) from a fresh client. ECR sends no Retry-After, so the SDK's
     * strategy (which ignores it) loses nothing against the OCI backend's.
     */
    static final int MAX_ATTEMPTS = RetryPolicy.MAX_ATTEMPTS;

    private final RegistryOptions options;
    private RetryStrategy retryStrategy;
    private final List<ExecutionInterceptor> interceptors = new ArrayList<>();
    private EcrHttpClients.Kind httpClient = EcrHttpClients.onClassPath();

    EcrClientFactory(RegistryOptions options) {
        this.options = options;
        this.retryStrategy = defaultRetryStrategy();
    }

    /** Picks the HTTP client instead of going by the class path (tests run both against the same server). */
    EcrClientFactory httpClient(EcrHttpClients.Kind kind) {
        this.httpClient = kind;
        return this;
    }

    /** The strategy production uses: standard retries (throttling, 5xx, I/O errors), {@value #MAX_ATTEMPTS} attempts. */
    static RetryStrategy defaultRetryStrategy() {
        // The SDK's own retry conditions (throttling, 5xx, I/O errors; PutImage too, as ECR's PutImage is idempotent:
        // the same manifest under the same tag answers ImageAlreadyExists, which the backend takes as success) with
        // the shared policy's numbers.
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(RetryPolicy.BASE_DELAY, RetryPolicy.MAX_DELAY))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(RetryPolicy.THROTTLED_BASE_DELAY,
                        RetryPolicy.MAX_DELAY))
                .build();
    }

    /** Replaces the retry strategy (tests against moto use {@link AwsRetryStrategy#doNotRetry()}: moto's 500s are not transient). */
    EcrClientFactory retryStrategy(RetryStrategy strategy) {
        this.retryStrategy = strategy;
        return this;
    }

    /** Adds an interceptor to the ECR and STS clients (tests count calls with it). */
    EcrClientFactory interceptor(ExecutionInterceptor interceptor) {
        interceptors.add(interceptor);
        return this;
    }

    /** Opens the repository: builds the clients; nothing is sent yet (credentials are resolved on the first call). */
    EcrRegistry open(Repository repository) throws RegistryException {
        if (repository.kind() != Repository.Kind.ECR || repository.ecrAccount().isEmpty()) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Tried to open " + repository
                    + " with the ECR backend but failed because its host is not an ECR registry host "
                    + "(<account>.dkr.ecr.<region>.amazonaws.com or its FIPS, China or dual-stack form)");
        }
        Optional<String> regionName = options.region().or(repository::ecrRegion);
        if (regionName.isEmpty()) {
            // Unreachable for references the core parses (an ECR host always names its region), kept for callers that
            // build a Repository another way.
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Tried to open " + repository
                    + " but failed because no AWS region is known: the host names none and none was given");
        }
        Region region = Region.of(regionName.get());
        Optional<URI> endpoint = endpoint(repository, region);
        EcrErrors errors = new EcrErrors(repository, regionName.get(),
                endpoint.orElse(standardEndpoint(repository, region)).toString(), options);

        // Before any client is built: a refusal leaves nothing to close.
        AwsCredentialsProvider credentials = baseCredentials(repository);
        List<AutoCloseable> resources = new ArrayList<>();
        // One client for ECR and STS, with the time limits and the proxy (see EcrHttpClients for which client).
        SdkHttpClient http = EcrHttpClients.build(httpClient, options);
        resources.add(http);
        if (credentials instanceof AutoCloseable c) {
            resources.add(c);
        }
        if (options.roleArn().isPresent()) {
            var sts = StsClient.builder()
                    .region(region)
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .overrideConfiguration(overrides());
            // The same override for STS: moto serves both APIs on one port. A real VPC endpoint override is for ECR
            // only; then leave the override out or give STS its own (not supported yet).
            endpoint.map(e -> pinned(e, StsClient.serviceMetadata().endpointFor(region))).ifPresent(sts::endpointOverride);
            StsClient stsClient = sts.build();
            resources.add(stsClient);
            StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(stsClient)
                    .refreshRequest(r -> {
                        r.roleArn(options.roleArn().get()).roleSessionName(options.roleSessionName());
                        options.externalId().ifPresent(r::externalId);
                    })
                    .build();
            resources.add(assumed);
            credentials = assumed;
        }
        var ecr = EcrClient.builder()
                .region(region)
                .httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides());
        if (endpoint.isPresent()) {
            // A pinned endpoint already is the FIPS or dual-stack one; the SDK refuses FIPS next to an override.
            ecr.endpointOverride(endpoint.get());
        } else {
            // The host form chooses the API endpoint form: dkr.ecr-fips -> api.ecr-fips, dkr-ecr -> ecr.<region>.api.aws.
            // The partition (amazonaws.com.cn for cn-*) follows from the region. Only ever switched on: a standard host
            // leaves the machine's own AWS_USE_FIPS_ENDPOINT / use_dualstack_endpoint in force (ambient is allowed here).
            if (repository.isEcrFips()) {
                ecr.fipsEnabled(true);
            }
            if (repository.isEcrDualStack()) {
                ecr.dualstackEnabled(true);
            }
        }
        return new EcrRegistry(repository, repository.ecrAccount().get(), ecr.build(), resources, errors,
                options.timeoutCoversOperation() ? options.timeout() : null);
    }

    /**
     * The endpoint override: the one given, else, when ambient settings are not allowed, the region's ECR API endpoint
     * in the form the host names (standard, FIPS, dual-stack or both, see {@link #standardEndpoint}), pinned so that
     * nothing the machine configures (AWS_ENDPOINT_URL, ~/.aws/config) decides where requests signed with someone
     * else's keys go. Empty: the SDK's own resolution, told FIPS and dual-stack by {@link #open}.
     */
    Optional<URI> endpoint(Repository repository, Region region) throws RegistryException {
        if (options.endpointUrl().isEmpty()) {
            return options.ambientCredentialsAllowed() ? Optional.empty() : Optional.of(standardEndpoint(repository, region));
        }
        String url = options.endpointUrl().get();
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException("no http(s) scheme or host");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Tried to open " + repository
                    + " but failed because the endpoint URL '" + url + "' is not an http:// or https:// URL", e);
        }
    }

    /**
     * The ECR API endpoint AWS serves for the region in the host's form, from the SDK's own endpoint rules (the same
     * the client follows with fipsEnabled/dualstackEnabled): e.g. https://api.ecr-fips.us-east-1.amazonaws.com,
     * https://ecr.eu-west-1.api.aws, https://api.ecr.cn-north-1.amazonaws.com.cn.
     */
    static URI standardEndpoint(Repository repository, Region region) throws RegistryException {
        try {
            return EcrEndpointProvider.defaultProvider().resolveEndpoint(EcrEndpointParams.builder().region(region)
                    .useFips(repository.isEcrFips()).useDualStack(repository.isEcrDualStack()).build()).join().url();
        } catch (RuntimeException e) {
            // The rules refuse FIPS or dual-stack in a partition without them.
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Tried to open " + repository + " but failed "
                    + "because AWS names no ECR API endpoint for it in " + region + " ("
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + ")", e);
        }
    }

    /**
     * The credentials before any role is assumed: the keys given (with their session token, for temporary keys),
     * else a named profile, else the SDK default chain. A profile reads this machine's ~/.aws files and the default
     * chain this machine's identity, so both count as ambient: refused when the options do not allow ambient
     * credentials (a Jenkins controller running other people's jobs must not lend them its own identity).
     */
    private AwsCredentialsProvider baseCredentials(Repository repository) throws RegistryException {
        if (options.accessKeyId().isPresent() && options.secretAccessKey().isPresent()) {
            String id = options.accessKeyId().get();
            String secret = options.secretAccessKey().get();
            return StaticCredentialsProvider.create(options.sessionToken().isPresent()
                    ? AwsSessionCredentials.create(id, secret, options.sessionToken().get())
                    : AwsBasicCredentials.create(id, secret));
        }
        if (!options.ambientCredentialsAllowed()) {
            throw new RegistryException(RegistryException.Reason.AUTH, "Tried to open " + repository
                    + " but failed because no AWS credentials were given"
                    + (options.awsProfile().isPresent()
                            ? " (only the profile '" + options.awsProfile().get() + "', which reads this machine's AWS files)"
                            : "")
                    + " and ambient credentials (this machine's own AWS identity) are not allowed");
        }
        if (options.awsProfile().isPresent()) {
            return ProfileCredentialsProvider.builder().profileName(options.awsProfile().get()).build();
        }
        // Environment, system properties, profiles, web identity, container and instance roles, in the SDK's order.
        return DefaultCredentialsProvider.builder().build();
    }

    /** STS next to a pinned ECR endpoint gets its own standard one; a given override (moto, tests) serves both. */
    private URI pinned(URI ecrEndpoint, URI stsHost) {
        return options.endpointUrl().isPresent() ? ecrEndpoint : URI.create("https://" + stsHost);
    }

    private ClientOverrideConfiguration overrides() {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .retryStrategy(new UnknownHostIsFinal(retryStrategy))
                // The whole call, retries and backoff included, ends within the configured timeout.
                .apiCallTimeout(options.timeout())
                .apiCallAttemptTimeout(options.timeout());
        if (!options.ambientCredentialsAllowed()) {
            // No ~/.aws/config of the machine either: it could set the region's endpoint, retries or a profile.
            b.defaultProfileFile(ProfileFile.aggregator().build()).defaultProfileName("default");
        }
        interceptors.forEach(b::addExecutionInterceptor);
        return b.build();
    }

    /**
     * The strategy, except that a host name that does not resolve ends the call at once: the SDK's conditions retry
     * every IOException, UnknownHostException included, but a name that DNS does not know will not be known a second
     * later, and the retries only delay the "cannot resolve host" answer (the OCI backend does not retry it either).
     * Not a {@code DefaultAwareRetryStrategy}, so the SDK uses it as given (it adds its defaults only to those).
     */
    static final class UnknownHostIsFinal implements RetryStrategy {
        private final RetryStrategy delegate;

        UnknownHostIsFinal(RetryStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
            return delegate.acquireInitialToken(request);
        }

        @Override
        public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
            if (EcrErrors.unknownHost(request.failure()) != null) {
                throw new TokenAcquisitionFailedException("a host name that does not resolve is not retried",
                        request.token(), request.failure());
            }
            return delegate.refreshRetryToken(request);
        }

        @Override
        public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
            return delegate.recordSuccess(request);
        }

        @Override
        public int maxAttempts() {
            return delegate.maxAttempts();
        }

        @Override
        public Builder<?, ?> toBuilder() {
            return delegate.toBuilder(); // not called by the SDK for a strategy of ours; a copy is the plain strategy
        }
    }
}
