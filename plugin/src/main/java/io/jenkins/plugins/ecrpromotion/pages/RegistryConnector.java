package io.jenkins.plugins.ecrpromotion.pages;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.credentials.RegistryAccess;
import io.jenkins.plugins.ecrpromotion.registry.RegistryTarget;

import hudson.AbortException;
import hudson.model.Run;
import io.github.ecrpromotion.core.registry.Registry;

/**
 * How the build page reaches a registry: resolve a run's parameters into a target, then open it. The one seam the
 * action's tests replace, so they run against an in-memory registry without Jenkins' credentials store.
 */
public interface RegistryConnector {
    /** What the button and the summary name in their error suggestions. */
    String PAGE = "the build page";

    /**
     * The real one: global configuration and credentials through {@link RegistryAccess#forPage} (looked up in the job,
     * no use recorded; STS session named after the user viewing or clicking), backends via ServiceLoader.
     */
    RegistryConnector JENKINS = new RegistryConnector() {
        @Override
        public RegistryTarget resolve(Run<?, ?> run, EcrParameters params) throws AbortException {
            return RegistryAccess.forPage(run, params, Clicks.currentActor(), PAGE);
        }

        @Override
        public Registry open(RegistryTarget target) throws AbortException {
            return target.open(PAGE);
        }
    };

    RegistryTarget resolve(Run<?, ?> run, EcrParameters params) throws AbortException;

    Registry open(RegistryTarget target) throws AbortException;
}
