package io.jenkins.plugins.ecrpromotion;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;

/**
 * The Jenkins side of {@link TargetResolver}: reads the global configuration and Jenkins' proxy, and looks credentials
 * up for a run (with the run's own permissions and folder credentials), recording their use on the run.
 */
public final class RegistryAccess {
    private RegistryAccess() {
    }

    /** Resolves {@code params} for {@code run}; error messages speak of "the step". */
    public static RegistryTarget resolve(Run<?, ?> run, EcrParameters params) throws AbortException {
        return resolve(run, params, null);
    }

    /** Resolves {@code params} for {@code run}; error messages name {@code stepName} (e.g. {@code ecrPromote}). */
    public static RegistryTarget resolve(Run<?, ?> run, EcrParameters params, String stepName) throws AbortException {
        EcrPromotionConfiguration config = EcrPromotionConfiguration.get();
        GlobalDefaults defaults = config == null ? GlobalDefaults.NONE : config.toDefaults();
        return new TargetResolver(defaults, id -> lookup(run, id)).withProxy(ProxySettings.current())
                .resolve(params, stepName);
    }

    private static StandardCredentials lookup(Run<?, ?> run, String id) {
        StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (c != null) {
            // shows the use on the credentials' "usage" page
            CredentialsProvider.track(run, c);
        }
        return c;
    }
}
