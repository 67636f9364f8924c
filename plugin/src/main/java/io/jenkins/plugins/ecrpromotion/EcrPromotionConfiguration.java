package io.jenkins.plugins.ecrpromotion;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Repository;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * "ECR Promotion" in Manage Jenkins -&gt; System: the defaults every step and the build-page buttons fall back to.
 * Data-bound setters, so Configuration as Code sets it as {@code unclassified: ecrPromotion: ...}.
 */
@Extension
@Symbol("ecrPromotion")
public class EcrPromotionConfiguration extends GlobalConfiguration {
    private String defaultRepository;
    private String region;
    private String credentialsId;
    private String environments;
    private String endpointUrl;
    private int timeoutSeconds = GlobalDefaults.DEFAULT_TIMEOUT_SECONDS;

    /** Loads the saved values (Jenkins calls this once, as an extension). */
    public EcrPromotionConfiguration() {
        load();
    }

    /** The single instance Jenkins holds. */
    public static EcrPromotionConfiguration get() {
        return ExtensionList.lookupSingleton(EcrPromotionConfiguration.class);
    }

    /** The values as a plain object for {@link TargetResolver}. */
    public GlobalDefaults toDefaults() {
        return new GlobalDefaults(defaultRepository, region, credentialsId, environments, endpointUrl, timeoutSeconds);
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // unchecked boxes and emptied fields are absent from the form: reset first so they clear
        defaultRepository = null;
        region = null;
        credentialsId = null;
        environments = null;
        endpointUrl = null;
        timeoutSeconds = GlobalDefaults.DEFAULT_TIMEOUT_SECONDS;
        req.bindJSON(this, json);
        String chain = environments;
        if (chain != null) {
            try {
                EnvironmentChain.parse(chain);
            } catch (InvalidInputException e) {
                throw new FormException(e.getMessage(), "environments");
            }
        }
        save();
        return true;
    }

    /** Repository used when a step names none, e.g. {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo}. */
    public String getDefaultRepository() {
        return defaultRepository;
    }

    @DataBoundSetter
    public void setDefaultRepository(String defaultRepository) {
        this.defaultRepository = EcrParameters.blankToNull(defaultRepository);
        save();
    }

    /** AWS region; empty means "from the ECR host name". */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = EcrParameters.blankToNull(region);
        save();
    }

    /** Credentials used when a step names none; empty means the AWS default chain (or anonymous). */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = EcrParameters.blankToNull(credentialsId);
        save();
    }

    /** Environment chain, e.g. {@code testing,staging,production}; empty means that default. */
    public String getEnvironments() {
        return environments;
    }

    @DataBoundSetter
    public void setEnvironments(String environments) {
        this.environments = EcrParameters.blankToNull(environments);
        save();
    }

    /** Registry API endpoint override (an ECR VPC endpoint); empty means the public endpoint. */
    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = EcrParameters.blankToNull(endpointUrl);
        save();
    }

    /** Time limit in seconds for connecting and for each registry request. */
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds > 0 ? timeoutSeconds : GlobalDefaults.DEFAULT_TIMEOUT_SECONDS;
        save();
    }

    /** Checks the environment chain as the user types. */
    public FormValidation doCheckEnvironments(@QueryParameter String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok("Empty: " + EnvironmentChain.DEFAULT.toListString());
        }
        try {
            EnvironmentChain.parse(value);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Checks the default repository as the user types. */
    public FormValidation doCheckDefaultRepository(@QueryParameter String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            Repository.parse(value.trim());
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Checks the timeout as the user types. */
    public FormValidation doCheckTimeoutSeconds(@QueryParameter String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            if (Integer.parseInt(value.trim()) > 0) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return FormValidation.error("Enter a whole number of seconds greater than 0.");
    }

    /** The credentials drop-down: every credential at the Jenkins root, listed for administrators only. */
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return CredentialsListing.forItem(null, credentialsId);
    }
}
