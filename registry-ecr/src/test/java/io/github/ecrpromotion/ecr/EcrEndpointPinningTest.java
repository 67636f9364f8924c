package io.github.ecrpromotion.ecr;

import static org.junit.Assert.assertEquals;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.URI;
import java.util.Optional;
import org.junit.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Where ECR calls go when the machine's own settings may not be used (the Jenkins plugin, unless its administrator
 * allows them): the region's standard endpoint from the SDK's metadata, never what AWS_ENDPOINT_URL or ~/.aws/config
 * of the controller say. No request is made.
 */
public class EcrEndpointPinningTest {
    private static final Repository REPO = Repository.of("123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/app");

    private static Optional<URI> endpoint(RegistryOptions options, String region) throws Exception {
        return new EcrClientFactory(options).endpoint(REPO, Region.of(region));
    }

    @Test
    public void withoutAmbientSettings_theRegionsStandardEndpointIsPinned() throws Exception {
        RegistryOptions closed = RegistryOptions.builder().ambientCredentialsAllowed(false).build();
        assertEquals(Optional.of(URI.create("https://api.ecr.us-east-1.amazonaws.com")), endpoint(closed, "us-east-1"));
        assertEquals(Optional.of(URI.create("https://api.ecr.cn-north-1.amazonaws.com.cn")), endpoint(closed, "cn-north-1"));
    }

    @Test
    public void withAmbientSettings_theSdkResolvesIt_andAGivenEndpointAlwaysWins() throws Exception {
        assertEquals(Optional.empty(), endpoint(RegistryOptions.defaults(), "us-east-1"));
        RegistryOptions given = RegistryOptions.builder().ambientCredentialsAllowed(false)
                .endpointUrl("https://vpce-1.api.ecr.us-east-1.vpce.amazonaws.com").build();
        assertEquals(Optional.of(URI.create("https://vpce-1.api.ecr.us-east-1.vpce.amazonaws.com")), endpoint(given, "us-east-1"));
    }
}
