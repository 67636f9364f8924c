package io.jenkins.plugins.ecrpromotion;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;

/**
 * The credentials drop-down of the steps' Snippet Generator forms. Lists IDs only to people who may configure the
 * job (or, outside a job, administer Jenkins), as the credentials plugin recommends; others just keep the value.
 */
final class CredentialsListing {
    private CredentialsListing() {
    }

    static ListBoxModel forItem(Item item, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        boolean allowed = item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        if (!allowed) {
            result.includeCurrentValue(current);
            return result;
        }
        // a null item means the Jenkins root in the credentials plugin
        result.includeEmptyValue().includeAs(ACL.SYSTEM2, item, StandardCredentials.class).includeCurrentValue(current);
        return result;
    }
}
