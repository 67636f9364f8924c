package io.github.ecrpromotion.ecr;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.ImmutableTagException;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.core.registry.RegistryException.Remedy;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The one place where AWS SDK exceptions become {@link RegistryException}s, so none leaves the backend. Messages
 * follow "Tried to &lt;action&gt; but failed because &lt;reason&gt;" and never contain the access key or secret.
 */
final class EcrErrors {
    /** Error codes AWS uses for missing, wrong, expired or insufficient credentials (JSON and query protocols). */
    private static final Set<String> AUTH_CODES = Set.of("AccessDeniedException", "AccessDenied",
            "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken",
            "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "IncompleteSignatureException",
            "MissingAuthenticationToken", "MissingAuthenticationTokenException", "InvalidAccessKeyId", "AuthFailure",
            "NotAuthorized", "RequestExpired");
    private static final Set<String> THROTTLING_CODES = Set.of("ThrottlingException", "Throttling",
            "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException");

    private final Repository repository;
    private final String region;
    private final String endpoint;
    private final List<String> secrets = new ArrayList<>();
    private final String roleArn;

    EcrErrors(Repository repository, String region, String endpoint, RegistryOptions options) {
        this.repository = repository;
        this.region = region;
        this.endpoint = endpoint;
        options.secretAccessKey().ifPresent(secrets::add);
        options.accessKeyId().ifPresent(secrets::add);
        this.roleArn = options.roleArn().orElse(null);
    }

    /**
     * The exception for a failed SDK call; {@code action} completes "Tried to ...". When the SDK's retry strategy
     * (the shared {@link io.github.ecrpromotion.core.registry.RetryPolicy}) sent it more than once, the message ends
     * with "(N attempts)", as the OCI backend's does.
     */
    RegistryException translate(String action, SdkException e) {
        RegistryException once = translateOnce(action, e);
        Integer attempts = e.numAttempts();
        if (attempts == null || attempts <= 1) {
            return once;
        }
        return once.withMessage(once.getMessage() + " (" + attempts + " attempts)", e);
    }

    private RegistryException translateOnce(String action, SdkException e) {
        String tried = "Tried to " + action + " but failed because ";
        if (e instanceof RepositoryNotFoundException) {
            // The words "repository not found" are part of the port's contract (Registry#listTags).
            return new RegistryException(Reason.NOT_FOUND, tried + "repository not found: " + repository.name()
                    + " does not exist in registry " + repository.ecrAccount().orElse("?") + " in " + region, e);
        }
        if (e instanceof AwsServiceException ase) {
            return service(tried, ase);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new RegistryException(Reason.UNAVAILABLE, tried + "ECR at " + endpoint
                    + " did not answer within the time limit (" + clean(e.getMessage()) + ")", e, true);
        }
        UnknownHostException unknown = unknownHost(e);
        if (unknown != null) {
            // Not retryable (and not retried, see EcrClientFactory.UnknownHostIsFinal): the name will not resolve later.
            String host = unknown.getMessage() == null ? hostOf(endpoint)
                    : unknown.getMessage().split(":", 2)[0].trim(); // "name: Name or service not known"
            return new RegistryException(Reason.UNAVAILABLE, tried + "it cannot resolve host " + host + " (no address "
                    + "is known for that name)", e, false);
        }
        if (e instanceof SdkClientException) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            // The SDK reports an empty credentials chain as a client exception; it is an auth problem, not an outage.
            if (msg.startsWith("Unable to load credentials")) {
                return new RegistryException(Reason.AUTH, tried + "no AWS credentials were found: give an access key "
                        + "and secret, or configure the default chain (environment, profile, container or instance role)", e,
                        false, Remedy.AWS_CREDENTIALS);
            }
            return new RegistryException(Reason.UNAVAILABLE, tried + "ECR at " + endpoint + " could not be reached ("
                    + clean(msg) + ")", e, true);
        }
        return new RegistryException(Reason.PROTOCOL, tried + "the AWS SDK failed (" + clean(e.getMessage()) + ")", e);
    }

    private RegistryException service(String tried, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String service = e.awsErrorDetails() == null || e.awsErrorDetails().serviceName() == null ? "ECR"
                : e.awsErrorDetails().serviceName().toUpperCase(java.util.Locale.ROOT);
        boolean sts = service.equalsIgnoreCase("sts");
        int status = e.statusCode();
        String detail = (code == null ? "HTTP " + status : code + ", HTTP " + status) + describe(e);
        if (e.isThrottlingException() || status == 429 || (code != null && THROTTLING_CODES.contains(code))) {
            return new RegistryException(Reason.UNAVAILABLE, tried + service + " throttled the requests and retries "
                    + "did not get through (" + detail + "); ECR limits calls per account and region (PutImage to "
                    + "about 10 a second), so parallel runs may need to wait", e, true);
        }
        if ((code != null && AUTH_CODES.contains(code)) || status == 401 || status == 403) {
            String why = sts && roleArn != null
                    ? "STS refused to let the credentials assume the role " + roleArn
                    : "AWS refused the credentials, or they may not do this";
            return new RegistryException(Reason.AUTH, tried + why + " (" + detail + ")", e, false, Remedy.AWS_CREDENTIALS);
        }
        if (status >= 500) {
            return new RegistryException(Reason.UNAVAILABLE, tried + service + " failed on its side (" + detail + ")", e, true);
        }
        if ("LimitExceededException".equals(code)) {
            return new RegistryException(Reason.CONFLICT, tried + "a service quota of the repository is reached ("
                    + detail + ")", e, false);
        }
        return new RegistryException(Reason.PROTOCOL, tried + service + " rejected the request (" + detail + ")", e, false);
    }

    /** The repository's tags are immutable: ECR will not move a tag that exists. */
    ImmutableTagException immutable(String action, String tag, Throwable cause) {
        return new ImmutableTagException("Tried to " + action + " but failed because the repository " + repository.name()
                + " has immutable tags, so ECR will not move the existing tag " + tag + ". Set the repository's tag "
                + "mutability to IMMUTABLE_WITH_EXCLUSION with exclusion filters matching the environment tags: build "
                + "tags stay immutable and environment tags stay movable", cause);
    }

    /** The UnknownHostException in the chain of causes, if any. */
    static UnknownHostException unknownHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException u) {
                return u;
            }
        }
        return null;
    }

    private static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The exception for one failure that BatchGetImage reports inside a successful answer. */
    RegistryException failure(String action, ImageFailure f) {
        String code = f.failureCodeAsString();
        String detail = code + (f.failureReason() == null ? "" : ": " + clean(f.failureReason()));
        String tried = "Tried to " + action + " but failed because ECR reported " + detail;
        if (code == null) {
            return new RegistryException(Reason.PROTOCOL, tried);
        }
        return switch (code) {
            case "UpstreamTooManyRequests", "UpstreamUnavailable" -> new RegistryException(Reason.UNAVAILABLE, tried);
            case "UpstreamAccessDenied", "KmsError" -> new RegistryException(Reason.AUTH, tried);
            default -> new RegistryException(Reason.PROTOCOL, tried);
        };
    }

    /**
     * Two ECR answers about the same image disagree (DescribeImages and BatchGetImage are separate views that can lag
     * each other); retryable, because asking again later may find them agreeing.
     */
    RegistryException contradiction(String action, String why) {
        return new RegistryException(Reason.UNAVAILABLE, "Tried to " + action + " but failed because " + why
                + "; ECR may still be settling, so try again", null, true);
    }

    /** A digest or answer from ECR that cannot be right. */
    RegistryException protocol(String action, String why) {
        return new RegistryException(Reason.PROTOCOL, "Tried to " + action + " but failed because " + why);
    }

    private String describe(AwsServiceException e) {
        String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return m == null || m.isBlank() ? "" : ": " + clean(m);
    }

    /** Text from AWS or the SDK with our own keys masked, in case an answer ever echoes them. */
    String clean(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "****");
        }
        return out;
    }
}
