package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;

import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import io.github.ecrpromotion.core.ref.Repository;
import java.util.List;

/**
 * The credentials domain requirements of a repository, as docker-commons and amazon-ecr pass them: the registry's
 * URI, so a credential an administrator restricted to another host's domain is never found for this one.
 */
final class CredentialDomains {
    private CredentialDomains() {
    }

    /** {@code https://<host>} ({@code http://} for a loopback registry); none for an on-disk layout. */
    static List<DomainRequirement> of(Repository repository) {
        if (repository == null || repository.host().isEmpty()) {
            return List.of();
        }
        String scheme = repository.isLoopback() ? "http" : "https";
        return URIRequirementBuilder.fromUri(scheme + "://" + repository.host().get()).build();
    }

    /** For a repository field's text: the requirements when it parses, none while it is blank or incomplete. */
    static List<DomainRequirement> of(String repository) {
        String text = EcrParameters.blankToNull(repository);
        if (text == null) {
            return List.of();
        }
        try {
            return of(Repository.parse(text));
        } catch (io.github.ecrpromotion.core.InvalidInputException e) {
            return List.of();
        }
    }
}
