package io.github.ecrpromotion.ecr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Each ECR registry host form talks to the matching ECR API endpoint: FIPS, China (by region) and dual-stack. No
 * request leaves the machine: the endpoint is read from the factory's pinned settings, or from the request the SDK
 * built, which an interceptor stops before it is sent.
 */
public class EcrHostFormTest {
    /** Registry host -> the API endpoint AWS serves for it. */
    private static final String[][] FORMS = {
        {"123456789012.dkr.ecr.us-east-1.amazonaws.com", "https://api.ecr.us-east-1.amazonaws.com"},
        {"123456789012.dkr.ecr-fips.us-east-1.amazonaws.com", "https://api.ecr-fips.us-east-1.amazonaws.com"},
        {"123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com", "https://api.ecr-fips.us-gov-west-1.amazonaws.com"},
        {"123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn", "https://api.ecr.cn-north-1.amazonaws.com.cn"},
        {"123456789012.dkr-ecr.eu-west-1.on.aws", "https://ecr.eu-west-1.api.aws"},
        {"123456789012.dkr-ecr-fips.us-east-2.on.aws", "https://ecr-fips.us-east-2.api.aws"},
        {"123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn", "https://ecr.cn-north-1.api.amazonwebservices.com.cn"},
    };

    @Test
    public void withoutAmbientSettings_eachHostFormPinsItsOwnApiEndpoint() throws Exception {
        RegistryOptions closed = RegistryOptions.builder().ambientCredentialsAllowed(false).build();
        for (String[] form : FORMS) {
            Repository repo = Repository.of(form[0] + "/oe/app");
            Optional<URI> pinned = new EcrClientFactory(closed).endpoint(repo, Region.of(repo.ecrRegion().get()));
            assertEquals(form[0], Optional.of(URI.create(form[1])), pinned);
        }
    }

    @Test
    public void withoutAmbientSettings_eachHostFormSendsToItsApiEndpoint() throws Exception {
        RegistryOptions closed = RegistryOptions.builder().ambientCredentialsAllowed(false)
                .awsKeys("AKIDEXAMPLE", "secret").timeout(Duration.ofSeconds(5)).build();
        for (String[] form : FORMS) {
            assertEquals(form[0], form[1], sentTo(closed, form[0]));
        }
    }

    @Test
    public void withAmbientSettings_theSdkIsToldFipsAndDualStack_andSendsToTheSameEndpoint() throws Exception {
        RegistryOptions open = RegistryOptions.builder().awsKeys("AKIDEXAMPLE", "secret")
                .timeout(Duration.ofSeconds(5)).build();
        for (String[] form : FORMS) {
            assertEquals(form[0], form[1], sentTo(open, form[0]));
        }
    }

    @Test
    public void aGivenEndpointUrl_winsOverTheHostForm() throws Exception {
        RegistryOptions given = RegistryOptions.builder().awsKeys("AKIDEXAMPLE", "secret")
                .endpointUrl("https://vpce-1.api.ecr.us-east-1.vpce.amazonaws.com").timeout(Duration.ofSeconds(5)).build();
        assertEquals("https://vpce-1.api.ecr.us-east-1.vpce.amazonaws.com",
                sentTo(given, "123456789012.dkr-ecr-fips.us-east-1.on.aws"));
    }

    /** Where the client would send a ListImages call for the host: the scheme and host of the request it built. */
    private static String sentTo(RegistryOptions options, String host) throws Exception {
        List<URI> seen = new ArrayList<>();
        ExecutionInterceptor stop = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                seen.add(context.httpRequest().getUri());
                throw SdkClientException.create("stopped before sending");
            }
        };
        EcrClientFactory factory = new EcrClientFactory(options).retryStrategy(AwsRetryStrategy.doNotRetry())
                .interceptor(stop);
        try (EcrRegistry registry = factory.open(Repository.of(host + "/oe/app"))) {
            assertThrows(RegistryException.class, registry::listTags);
        }
        assertEquals(host, 1, seen.size());
        URI uri = seen.get(0);
        return uri.getScheme() + "://" + uri.getHost();
    }

    @Test
    public void unknownHost_isReportedAsCannotResolve_onceAndNotRetried() throws Exception {
        // .invalid never resolves (RFC 6761); the production retry strategy, which retries other I/O errors.
        RegistryOptions options = RegistryOptions.builder().awsKeys("AKIDEXAMPLE", "secret")
                .endpointUrl("https://api.ecr.example.invalid").timeout(Duration.ofSeconds(20)).build();
        List<URI> sent = new ArrayList<>();
        ExecutionInterceptor count = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sent.add(context.httpRequest().getUri());
            }
        };
        try (EcrRegistry registry = new EcrClientFactory(options).interceptor(count)
                .open(Repository.of("123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/app"))) {
            RegistryException e = assertThrows(RegistryException.class, registry::listTags);
            assertTrue(e.getMessage(), e.getMessage().contains("cannot resolve host api.ecr.example.invalid"));
            assertFalse(e.getMessage(), e.getMessage().contains("attempts"));
            assertFalse(e.isRetryable());
            assertEquals(RegistryException.Reason.UNAVAILABLE, e.reason());
        }
        assertEquals(1, sent.size());
    }
}
