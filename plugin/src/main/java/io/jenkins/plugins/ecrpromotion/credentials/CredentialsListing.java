package io.jenkins.plugins.ecrpromotion.credentials;

import io.jenkins.plugins.ecrpromotion.EcrParameters;
import io.jenkins.plugins.ecrpromotion.EcrPromotionConfiguration;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.ref.Repository;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The credentials drop-downs (steps' Snippet Generator forms, global configuration), as the credentials plugin's
 * consumer guide has them: only people who may configure the job ({@code Item.EXTENDED_READ} or
 * {@code Credentials/UseItem}), or outside a job administer Jenkins, see the list; others keep their current value.
 * The list holds the kinds that can work for the repository in the form: "AWS Credentials" for Amazon ECR,
 * "Username with password" for other registries (both while the repository is unknown), looked up with the
 * authentication the job's builds run as (or, on the global page, as the system, for the administrator).
 */
public final class CredentialsListing {
    private CredentialsListing() {
    }

    /**
     * @param item the job being configured, or null for the global configuration
     * @param current the field's current value (kept in the list)
     * @param repository the repository field's value; blank falls back to the global default registry
     */
    public static ListBoxModel forItem(Item item, String current, String repository) {
        StandardListBoxModel result = new StandardListBoxModel();
        boolean allowed = item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        if (!allowed) {
            result.includeCurrentValue(current);
            return result;
        }
        CredentialsMatcher kinds = matcherFor(kindOf(repository));
        // only credentials whose domain admits the registry's host (none required while the field is blank)
        List<DomainRequirement> domains = CredentialDomains.of(repositoryText(repository));
        result.includeEmptyValue();
        if (item == null) {
            // the global page: the credentials an administrator can pick for every job (root store, as the system)
            result.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, domains, kinds);
        } else {
            result.includeMatchingAs(RegistryAccess.authenticationOf(item), item, StandardCredentials.class, domains, kinds);
        }
        result.includeCurrentValue(current);
        return result;
    }

    /** The field's repository, or the global default registry when the field is blank; null when neither is set. */
    static String repositoryText(String repository) {
        String text = EcrParameters.blankToNull(repository);
        if (text == null) {
            EcrPromotionConfiguration config = EcrPromotionConfiguration.get();
            text = config == null ? null : config.getDefaultRepository();
        }
        return text;
    }

    /** The repository's kind, or null when it is not known (blank and no global default, or not parsable yet). */
    static Repository.Kind kindOf(String repository) {
        String text = repositoryText(repository);
        if (text == null) {
            return null;
        }
        try {
            return Repository.parse(text).kind();
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** AWS credentials for ECR, username/password for other registries, nothing for layouts, both when unknown. */
    static CredentialsMatcher matcherFor(Repository.Kind kind) {
        CredentialsMatcher aws = CredentialsMatchers.instanceOf(AmazonWebServicesCredentials.class);
        CredentialsMatcher userPass = CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class);
        if (kind == null) {
            return CredentialsMatchers.anyOf(aws, userPass);
        }
        return switch (kind) {
            case ECR -> aws;
            case REGISTRY -> userPass;
            case LAYOUT -> CredentialsMatchers.never();
        };
    }
}
