package io.github.ecrpromotion.ecr;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Shared test setup: moto's default account and region, the SDK client that seeds images "by ECR's own means". */
final class EcrTestSupport {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String HOST = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com";
    /** moto accepts any keys; these are moto's documented test keys. */
    static final String KEY_ID = "testing";
    static final String SECRET = "testing";

    private EcrTestSupport() {
    }

    static Repository repository(String name) {
        return Repository.of(HOST + "/" + name);
    }

    static RegistryOptions.Builder options(String endpoint) {
        return RegistryOptions.builder().endpointUrl(endpoint).awsKeys(KEY_ID, SECRET).timeout(Duration.ofSeconds(20));
    }

    /** Our registry on moto, without retries: moto's 500s are bugs or missing features, not outages. */
    static EcrRegistry open(String endpoint, String name, ExecutionInterceptor... interceptors) throws RegistryException {
        EcrClientFactory f = new EcrClientFactory(options(endpoint).build()).retryStrategy(AwsRetryStrategy.doNotRetry());
        for (ExecutionInterceptor i : interceptors) {
            f.interceptor(i);
        }
        return f.open(repository(name));
    }

    /** A plain SDK client for moto: creates repositories and seeds images, independently of the code under test. */
    static EcrClient sdk(String endpoint) {
        return EcrClient.builder()
                .region(Region.of(REGION))
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Stores an image with PutImage: children untagged first (as a push of an index does), then the manifest. */
    static void seed(EcrClient sdk, String repositoryName, SyntheticImage image, String tag) {
        for (SyntheticImage child : image.children()) {
            put(sdk, repositoryName, child.manifest(), null);
        }
        put(sdk, repositoryName, image.manifest(), tag);
    }

    static void put(EcrClient sdk, String repositoryName, RawManifest m, String tag) {
        try {
            sdk.putImage(b -> b.registryId(ACCOUNT).repositoryName(repositoryName).imageManifest(m.text())
                    .imageManifestMediaType(m.mediaType()).imageDigest(m.digest().toString()).imageTag(tag));
        } catch (software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException alreadyThere) {
            // Seeding the same manifest twice (a child shared by two indexes) is fine.
        }
    }
}
