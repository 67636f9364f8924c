package io.jenkins.plugins.ecrpromotion;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.Secret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * Credentials of kind "AWS access key": an access key ID, its secret access key (kept as a {@link Secret}) and,
 * optionally, a role to assume with them. Used for Amazon ECR repositories.
 */
public class AwsAccessKeyCredentials extends BaseStandardCredentials {
    private static final long serialVersionUID = 1L;

    private final String accessKeyId;
    private final Secret secretAccessKey;
    private String roleArn;
    private String externalId;

    /** Bound from the credentials form and Configuration as Code. */
    @DataBoundConstructor
    public AwsAccessKeyCredentials(CredentialsScope scope, String id, String description, String accessKeyId,
            Secret secretAccessKey) {
        super(scope, id, description);
        this.accessKeyId = accessKeyId == null ? null : accessKeyId.trim();
        this.secretAccessKey = secretAccessKey;
    }

    /** The access key ID (not secret; shown in the credentials list). */
    public String getAccessKeyId() {
        return accessKeyId;
    }

    /** The secret access key; read it only to hand it to the AWS SDK. */
    public Secret getSecretAccessKey() {
        return secretAccessKey;
    }

    /** IAM role assumed with these keys, or null. */
    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = EcrParameters.blankToNull(roleArn);
    }

    /** External ID the role's trust policy asks for, or null. */
    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = EcrParameters.blankToNull(externalId);
    }

    /** Never shows the secret access key. */
    @Override
    public String toString() {
        return "AwsAccessKeyCredentials{id=" + getId() + ", accessKeyId=" + accessKeyId + ", roleArn=" + roleArn
                + ", secretAccessKey=****}";
    }

    /** The "AWS access key" entry in the credentials kind list; {@code awsAccessKey} in Configuration as Code. */
    @Extension
    @Symbol("awsAccessKey")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        /** Instantiated by Jenkins' extension loader. */
        public DescriptorImpl() {
            super(AwsAccessKeyCredentials.class);
        }

        @Override
        public String getDisplayName() {
            return "AWS access key";
        }

        /** An access key ID is 16 to 128 letters and digits (AKIA... or ASIA...). */
        public FormValidation doCheckAccessKeyId(@QueryParameter String value) {
            if (value == null || value.isBlank()) {
                return FormValidation.error("Enter the access key ID.");
            }
            if (!value.trim().matches("[A-Z0-9]{16,128}")) {
                return FormValidation.warning("An access key ID usually looks like AKIA followed by 16 capital letters and digits.");
            }
            return FormValidation.ok();
        }

        /** A role ARN looks like arn:aws:iam::123456789012:role/name. */
        public FormValidation doCheckRoleArn(@QueryParameter String value) {
            if (value == null || value.isBlank() || value.trim().matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
                return FormValidation.ok();
            }
            return FormValidation.error("Enter a role ARN such as arn:aws:iam::123456789012:role/ecr-promoter, or leave it empty.");
        }
    }
}
