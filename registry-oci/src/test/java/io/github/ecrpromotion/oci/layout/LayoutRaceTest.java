package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.testkit.GatedRegistry;
import io.github.ecrpromotion.testkit.RaceContract;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;

/**
 * The race suite on an on-disk OCI layout: each run opens the layout on its own (as a separate process would) and is
 * held at the port; index.json rewrites stay under the layout's file lock.
 */
public class LayoutRaceTest extends RaceContract {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private OciLayout layout;

    @Override
    protected void newRepository() throws Exception {
        layout = OciLayout.create(tmp.newFolder("layout").toPath());
    }

    @Override
    protected Run newRun() {
        return new GatedRegistry(layout.registry()).asRun();
    }

    @Override
    protected void seed(SyntheticImage image, String tag) throws Exception {
        layout.push(image, Tag.of(tag));
    }
}
