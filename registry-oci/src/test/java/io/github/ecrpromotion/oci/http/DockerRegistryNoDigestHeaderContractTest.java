package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.testkit.RegistryFront;

/** The contract suite against docker-registry behind a front leaving Docker-Content-Digest out of every answer (the spec makes it optional). */
public class DockerRegistryNoDigestHeaderContractTest extends FrontedDockerRegistryContract {
    @Override
    protected void misbehave(RegistryFront front) {
        front.stripDigestHeader(true);
    }
}
