package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import java.util.UUID;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;

/**
 * Compile-only copy of the real {@code com.cloudbees.plugins.credentials.impl.BaseStandardCredentials} signature
 * (credentials 1502). As in the real class: an empty id becomes a random UUID, and equality is by id.
 */
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String description;

    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
        super(scope);
        this.id = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
        this.description = description;
    }

    public BaseStandardCredentials(String id, String description) {
        this(null, id, description);
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public final boolean equals(Object o) {
        return this == o || (o instanceof IdCredentials && id.equals(((IdCredentials) o).getId()));
    }

    @Override
    public final int hashCode() {
        return id.hashCode();
    }

    /** Compile-only copy of the real {@code BaseStandardCredentials.BaseStandardCredentialsDescriptor} signature. */
    protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
        protected BaseStandardCredentialsDescriptor() {
        }

        protected BaseStandardCredentialsDescriptor(Class<? extends BaseStandardCredentials> clazz) {
            super(clazz);
        }

        public final FormValidation doCheckId(@AncestorInPath ModelObject context, @QueryParameter String value) {
            throw new UnsupportedOperationException();
        }
    }
}
