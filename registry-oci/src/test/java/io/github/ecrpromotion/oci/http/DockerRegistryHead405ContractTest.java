package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.testkit.RegistryFront;

/** The contract suite against docker-registry behind a front answering every manifest HEAD 405 Method Not Allowed. */
public class DockerRegistryHead405ContractTest extends FrontedDockerRegistryContract {
    @Override
    protected void misbehave(RegistryFront front) {
        front.headManifestsAnswer(405);
    }
}
