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
import org.kohsuke.stapler.verb.POST;

/**
 * "ECR Promotion" in Manage Jenkins -&gt; System: the defaults every step and the build-page buttons fall back to,
 * and the two administrator switches (the controller's own identity; on-disk layouts), both off by default.
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
    private boolean allowControllerIdentity;
    private boolean allowOnDiskLayouts;
    /** While the form is bound: the setters then only set, {@link #configure} saves once after validating. */
    private transient boolean binding;

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
        return new GlobalDefaults(defaultRepository, region, credentialsId, environments, endpointUrl, timeoutSeconds,
                allowControllerIdentity, allowOnDiskLayouts);
    }

    /**
     * Binds the submitted form, then validates it; only a valid form is stored. An invalid one (e.g. an environment
     * chain naming an environment twice) is refused with the field to fix, and the previous values stay, in memory
     * and on disk.
     */
    @Override
    public synchronized boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        Snapshot before = new Snapshot(this);
        binding = true;
        try {
            // unchecked boxes and emptied fields are absent from the form: reset first so they clear
            defaultRepository = null;
            region = null;
            credentialsId = null;
            environments = null;
            endpointUrl = null;
            timeoutSeconds = GlobalDefaults.DEFAULT_TIMEOUT_SECONDS;
            allowControllerIdentity = false;
            allowOnDiskLayouts = false;
            req.bindJSON(this, json);
            validate();
        } catch (FormException | RuntimeException e) {
            before.restore(this);
            throw e;
        } finally {
            binding = false;
        }
        save();
        return true;
    }

    /** The checks a saved configuration must pass (the same ones the form shows as the user types). */
    void validate() throws FormException {
        if (environments != null) {
            try {
                EnvironmentChain.parse(environments);
            } catch (InvalidInputException e) {
                throw new FormException(e.getMessage(), "environments");
            }
        }
        if (defaultRepository != null) {
            try {
                Repository.parse(defaultRepository);
            } catch (InvalidInputException e) {
                throw new FormException(e.getMessage(), "defaultRepository");
            }
        }
    }

    /** Saves after a data-bound setter (Configuration as Code), but not while the form is bound. */
    private void saveUnlessBinding() {
        if (!binding) {
            save();
        }
    }

    /** The stored values, to put back when a submitted form is refused. */
    private record Snapshot(String defaultRepository, String region, String credentialsId, String environments,
            String endpointUrl, int timeoutSeconds, boolean allowControllerIdentity, boolean allowOnDiskLayouts) {
        Snapshot(EcrPromotionConfiguration c) {
            this(c.defaultRepository, c.region, c.credentialsId, c.environments, c.endpointUrl, c.timeoutSeconds,
                    c.allowControllerIdentity, c.allowOnDiskLayouts);
        }

        void restore(EcrPromotionConfiguration c) {
            c.defaultRepository = defaultRepository;
            c.region = region;
            c.credentialsId = credentialsId;
            c.environments = environments;
            c.endpointUrl = endpointUrl;
            c.timeoutSeconds = timeoutSeconds;
            c.allowControllerIdentity = allowControllerIdentity;
            c.allowOnDiskLayouts = allowOnDiskLayouts;
        }
    }

    /** Repository used when a step names none, e.g. {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/oe/ecs-demo}. */
    public String getDefaultRepository() {
        return defaultRepository;
    }

    @DataBoundSetter
    public void setDefaultRepository(String defaultRepository) {
        this.defaultRepository = EcrParameters.blankToNull(defaultRepository);
        saveUnlessBinding();
    }

    /** AWS region; empty means "from the ECR host name". */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = EcrParameters.blankToNull(region);
        saveUnlessBinding();
    }

    /**
     * Credentials used when a step names none and its environment holds no AWS keys; empty means the controller's
     * own identity if allowed, else none (ECR refuses, other registries are reached anonymously).
     */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = EcrParameters.blankToNull(credentialsId);
        saveUnlessBinding();
    }

    /** Environment chain, e.g. {@code testing,staging,production}; empty means that default. */
    public String getEnvironments() {
        return environments;
    }

    @DataBoundSetter
    public void setEnvironments(String environments) {
        this.environments = EcrParameters.blankToNull(environments);
        saveUnlessBinding();
    }

    /** Registry API endpoint override (an ECR VPC endpoint); empty means the public endpoint. */
    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = EcrParameters.blankToNull(endpointUrl);
        saveUnlessBinding();
    }

    /** Time limit in seconds for connecting and for each registry request. */
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds > 0 ? timeoutSeconds : GlobalDefaults.DEFAULT_TIMEOUT_SECONDS;
        saveUnlessBinding();
    }

    /**
     * "Allow the controller's own AWS identity and Docker logins": whether steps and buttons without credentials may
     * use the AWS SDK default chain (instance profile, the controller's environment, {@code ~/.aws} and
     * {@code AWS_PROFILE}) and the controller's {@code ~/.docker/config.json}. Off by default: every job could
     * otherwise act with the controller's identity.
     */
    public boolean isAllowControllerIdentity() {
        return allowControllerIdentity;
    }

    @DataBoundSetter
    public void setAllowControllerIdentity(boolean allowControllerIdentity) {
        this.allowControllerIdentity = allowControllerIdentity;
        saveUnlessBinding();
    }

    /**
     * "Allow on-disk OCI layouts (oci:PATH)": whether steps and buttons may read and write OCI image layouts in
     * directories of the controller's disk. Off by default: a Jenkinsfile could otherwise write anywhere the
     * controller's user may.
     */
    public boolean isAllowOnDiskLayouts() {
        return allowOnDiskLayouts;
    }

    @DataBoundSetter
    public void setAllowOnDiskLayouts(boolean allowOnDiskLayouts) {
        this.allowOnDiskLayouts = allowOnDiskLayouts;
        saveUnlessBinding();
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

    /**
     * The credentials drop-down: the credentials at the Jenkins root that fit the default registry (AWS Credentials
     * for ECR, username/password for others), listed for administrators only; POST only.
     */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId,
            @QueryParameter String defaultRepository) {
        return CredentialsListing.forItem(null, credentialsId, defaultRepository);
    }
}
