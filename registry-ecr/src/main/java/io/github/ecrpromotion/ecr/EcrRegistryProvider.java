package io.github.ecrpromotion.ecr;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.Registry;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import io.github.ecrpromotion.core.registry.RegistryProvider;

/** Serves repositories whose host is {@code <account>.dkr.ecr.<region>.amazonaws.com}; found by ServiceLoader. */
public final class EcrRegistryProvider implements RegistryProvider {
    @Override
    public boolean supports(Repository repository) {
        return repository.kind() == Repository.Kind.ECR;
    }

    /** Uses region, endpointUrl, awsKeys, roleArn, externalId and timeout from the options. */
    @Override
    public Registry open(Repository repository, RegistryOptions options) throws RegistryException {
        return new EcrClientFactory(options).open(repository);
    }
}
