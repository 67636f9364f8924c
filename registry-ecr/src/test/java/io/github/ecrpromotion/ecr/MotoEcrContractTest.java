package io.github.ecrpromotion.ecr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.ImageRef;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.ImmutableTagException;
import io.github.ecrpromotion.core.registry.RawManifest;
import io.github.ecrpromotion.core.registry.Registries;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.testkit.MotoServer;
import io.github.ecrpromotion.testkit.RegistryContract;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

/**
 * The contract suite against a real moto server (ECR API), a fresh repository per test. Known moto fidelity gaps
 * that no test here relies on: moving a tag that was an image's only tag deletes that image; ListImages and
 * DescribeImages never paginate; an immutable repository answers ImageAlreadyExistsException where ECR answers
 * ImageTagAlreadyExistsException; PutImage to a missing repository is a 500.
 */
public class MotoEcrContractTest extends RegistryContract {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static MotoServer moto;
    private static EcrClient sdk;
    private String name;

    @BeforeClass
    public static void startMoto() {
        moto = MotoServer.shared();
        moto.reset();
        sdk = EcrTestSupport.sdk(moto.endpoint());
    }

    @AfterClass
    public static void closeSdk() {
        if (sdk != null) {
            sdk.close();
        }
    }

    @Override
    protected Registry newRegistry() throws Exception {
        name = "demo/app-" + COUNTER.incrementAndGet();
        sdk.createRepository(b -> b.repositoryName(name));
        return EcrTestSupport.open(moto.endpoint(), name);
    }

    @Override
    protected Registry missingRepository() throws Exception {
        return EcrTestSupport.open(moto.endpoint(), "demo/never-created-" + COUNTER.incrementAndGet());
    }

    @Override
    protected void seed(SyntheticImage image, String tag) {
        EcrTestSupport.seed(sdk, name, image, tag);
    }

    @Test
    public void open_throughServiceLoader_givesTheEcrBackend() throws Exception {
        SyntheticImage image = SyntheticImage.ociManifest("found by the provider");
        seed(image, B10);
        try (Registry r = Registries.open(EcrTestSupport.repository(name), EcrTestSupport.options(moto.endpoint()).build())) {
            assertTrue(r.getClass().getName(), r instanceof EcrRegistry);
            assertEquals(image.manifest().digest(), r.resolve(ImageRef.of(Tag.of(B10))).orElseThrow());
        }
    }

    @Test
    public void listTags_whenRepositoryMissing_isNotFound() throws Exception {
        try (Registry missing = EcrTestSupport.open(moto.endpoint(), "demo/never-created")) {
            RegistryException e = assertThrows(RegistryException.class, missing::listTags);
            assertEquals(RegistryException.Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("repository not found: demo/never-created does not exist in registry "
                    + EcrTestSupport.ACCOUNT));
            assertFalse(e.isRetryable());
        }
    }

    @Test
    public void everyCall_whenRepositoryMissing_isNotFoundSayingSo() throws Exception {
        SyntheticImage image = SyntheticImage.dockerV2("nowhere to go");
        try (Registry missing = EcrTestSupport.open(moto.endpoint(), "demo/never-created")) {
            List<org.junit.function.ThrowingRunnable> calls = List.of(
                    () -> missing.resolve(ImageRef.of(Tag.of("testing"))),
                    () -> missing.tagsOf(image.manifest().digest()),
                    () -> missing.imagesOf(List.of(Tag.of("testing")), t -> true, Comparator.naturalOrder()),
                    // moto answers PutImage into a missing repository with HTTP 500; the backend asks which it was.
                    () -> missing.putManifest(Tag.of("testing"), image.manifest()));
            for (org.junit.function.ThrowingRunnable call : calls) {
                RegistryException e = assertThrows(RegistryException.class, call);
                assertEquals(e.getMessage(), RegistryException.Reason.NOT_FOUND, e.reason());
                assertTrue(e.getMessage(), e.getMessage().contains("repository not found: demo/never-created"));
            }
        }
    }

    @Test
    public void tagLongerThanOciAllows_isSkippedWithOneWarning() throws Exception {
        // ECR takes tags of up to 300 characters; another tool may have written one.
        String longTag = "release-" + "x".repeat(292);
        SyntheticImage image = SyntheticImage.dockerV2("long tag");
        seed(image, B10);
        seed(image, longTag);
        assertEquals(List.of(Tag.of(B10)), registry.listTags());
        assertEquals(java.util.Set.of(Tag.of(B10)), registry.tagsOf(image.manifest().digest()));
        assertEquals(List.of(Tag.of(B10)), registry.imagesOf(List.of(Tag.of(B10)), t -> true, Comparator.naturalOrder())
                .get(Tag.of(B10)).tags());
        List<String> warnings = registry.takeWarnings();
        assertEquals(warnings.toString(), 1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).startsWith("Skipped the tag 'release-xxx"));
        assertTrue(registry.takeWarnings().isEmpty());
    }

    @Test
    public void getManifest_whenRepositoryMissing_isNotFound() throws Exception {
        try (Registry missing = EcrTestSupport.open(moto.endpoint(), "demo/never-created")) {
            RegistryException e = assertThrows(RegistryException.class, () -> missing.getManifest(ImageRef.of(Tag.of("testing"))));
            assertEquals(RegistryException.Reason.NOT_FOUND, e.reason());
        }
    }

    @Test
    public void listTags_leavesOutUntaggedImages() throws Exception {
        SyntheticImage index = SyntheticImage.ociIndex("with untagged children");
        seed(index, B10);
        assertEquals(List.of(Tag.of(B10)), registry.listTags());
    }

    @Test
    public void putManifest_inImmutableRepository_refusesToMoveATag() throws Exception {
        sdk.putImageTagMutability(b -> b.repositoryName(name).imageTagMutability(ImageTagMutability.IMMUTABLE));
        SyntheticImage a = SyntheticImage.dockerV2("a");
        SyntheticImage b = SyntheticImage.dockerV2("b");
        seed(a, B10);
        seed(b, B11);
        seed(a, "testing");
        RawManifest bManifest = registry.getManifest(ImageRef.of(Tag.of(B11))).orElseThrow();
        ImmutableTagException e = assertThrows(ImmutableTagException.class, () -> registry.putManifest(Tag.of("testing"), bManifest));
        assertEquals(RegistryException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("IMMUTABLE_WITH_EXCLUSION"));
        assertEquals(a.manifest().digest(), registry.resolve(ImageRef.of(Tag.of("testing"))).orElseThrow());
    }

    @Test
    public void putManifest_inImmutableRepository_sameDigestIsUnchanged() throws Exception {
        sdk.putImageTagMutability(b -> b.repositoryName(name).imageTagMutability(ImageTagMutability.IMMUTABLE));
        SyntheticImage a = SyntheticImage.dockerV2("a");
        seed(a, B10);
        seed(a, "testing");
        assertFalse(registry.putManifest(Tag.of("testing"), a.manifest()).changed());
    }
}
