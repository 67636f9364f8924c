package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.testkit.RegistryFront;

/** The contract suite against docker-registry behind a front answering every manifest HEAD 404 (registries that do not implement HEAD for some types). */
public class DockerRegistryHead404ContractTest extends FrontedDockerRegistryContract {
    @Override
    protected void misbehave(RegistryFront front) {
        front.headManifestsAnswer(404);
    }
}
