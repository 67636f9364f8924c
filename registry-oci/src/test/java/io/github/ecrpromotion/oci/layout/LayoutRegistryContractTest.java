package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.testkit.RegistryContract;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;

/** The contract suite against an on-disk OCI image layout, seeded with {@link OciLayout#push}. */
public class LayoutRegistryContractTest extends RegistryContract {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private OciLayout layout;

    @Override
    protected Registry newRegistry() throws Exception {
        layout = OciLayout.create(tmp.newFolder("layout").toPath());
        return layout.registry();
    }

    @Override
    protected Registry missingRepository() {
        return new LayoutRegistry(Repository.of("oci:" + tmp.getRoot().toPath().resolve("no-such-layout")));
    }

    @Override
    protected void seed(SyntheticImage image, String tag) throws Exception {
        layout.push(image, Tag.of(tag));
    }
}
