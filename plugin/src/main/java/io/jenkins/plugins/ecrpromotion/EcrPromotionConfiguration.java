package io.jenkins.plugins.ecrpromotion;

import io.jenkins.plugins.ecrpromotion.credentials.CredentialsListing;
import io.jenkins.plugins.ecrpromotion.credentials.GlobalDefaults;
import io.jenkins.plugins.ecrpromotion.credentials.TargetResolver;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.env.EnvironmentChain;
import io.github.ecrpromotion.core.ref.Repository;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
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
 *
 * <p>Nothing invalid is stored, by either path: the form is validated as a whole before it is saved (the previous
 * values stay on refusal), and each setter refuses a value that is invalid on its own with an
 * {@link IllegalArgumentException} naming the field, before storing it, so a Configuration as Code file with a bad
 * value fails to apply instead of being saved. The one rule between two fields (an {@code oci:} default registry
 * needs on-disk layouts allowed) is checked in full on the form; Configuration as Code sets the attributes in no set
 * order, so there the setters refuse what is wrong in any order (switching layouts off under an {@code oci:}
 * default) and only warn about an {@code oci:} default set while layouts are still off, which steps then refuse.
 */
@Extension
@Symbol("ecrPromotion")
public class EcrPromotionConfiguration extends GlobalConfiguration {
    private static final Logger LOGGER = Logger.getLogger(EcrPromotionConfiguration.class.getName());

    /** Shortest and longest time limit accepted for registry requests, in seconds. */
    static final int MIN_TIMEOUT_SECONDS = 1;
    static final int MAX_TIMEOUT_SECONDS = 600;

    /**
     * The shape of every AWS region name: {@code us-east-1}, {@code eu-central-2}, {@code us-gov-west-1},
     * {@code cn-north-1}, {@code us-iso-east-1}, {@code us-isob-east-1}, {@code eu-isoe-west-1}. A shape, not a
     * list, so a region AWS opens later is accepted without a plugin release.
     */
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");

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
        } catch (InvalidSettingException e) {
            // a setter refused a field while the form was bound
            before.restore(this);
            throw e.toFormException();
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
        refuse("environments", environmentsProblem(environments));
        refuse("defaultRepository", defaultRepositoryProblem(defaultRepository, allowOnDiskLayouts));
        refuse("region", regionProblem(region));
        refuse("endpointUrl", endpointUrlProblem(endpointUrl));
        refuse("timeoutSeconds", timeoutProblem(timeoutSeconds));
    }

    private static void refuse(String field, String problem) throws FormException {
        if (problem != null) {
            throw new FormException(problem, field);
        }
    }

    // The checks: each answers null when the value is valid, else what is wrong and what is valid. A blank value
    // (null here) means "not set" and is always valid.

    /** The default registry: {@code host[:port]/name}, or {@code oci:PATH} when on-disk layouts are allowed. */
    static String defaultRepositoryProblem(String value, boolean onDiskLayoutsAllowed) {
        if (value == null) {
            return null;
        }
        Repository repository;
        try {
            repository = Repository.parse(value);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        if (repository.kind() == Repository.Kind.LAYOUT && !onDiskLayoutsAllowed) {
            return Messages.Config_OnDiskDefaultRefused();
        }
        return null;
    }



    /** The region: empty, or an AWS region name ({@link #REGION}). */
    static String regionProblem(String value) {
        if (value == null || REGION.matcher(value).matches()) {
            return null;
        }
        return Messages.Config_BadRegion(value);
    }

    /** The environment chain: empty, or names as {@link EnvironmentChain#parse} takes them. */
    static String environmentsProblem(String value) {
        if (value == null) {
            return null;
        }
        try {
            EnvironmentChain.parse(value);
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    /**
     * The endpoint: empty, or an absolute {@code http://} or {@code https://} URL with a host (no other scheme: a
     * {@code file:} or {@code ftp:} URL is no registry API), and no user or password in it (the URL appears in logs
     * and messages, so it is not echoed here either).
     */
    static String endpointUrlProblem(String value) {
        if (value == null) {
            return null;
        }
        String valid = " " + Messages.Config_Endpoint_Valid();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Messages.Config_Endpoint_Invalid() + valid;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return (scheme.isEmpty() ? Messages.Config_Endpoint_NoScheme() : Messages.Config_Endpoint_Scheme(scheme)) + valid;
        }
        if (uri.getRawUserInfo() != null) {
            return Messages.Config_Endpoint_UserInfo() + valid;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Messages.Config_Endpoint_NoHost() + valid;
        }
        return null;
    }

    /** The timeout: a whole number of seconds from 1 to 600. */
    static String timeoutProblem(int seconds) {
        if (seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS) {
            return null;
        }
        return timeoutRange() + " " + Messages.Config_Timeout_Outside(String.valueOf(seconds));
    }

    private static String timeoutRange() {
        return Messages.Config_Timeout_Range(String.valueOf(MIN_TIMEOUT_SECONDS), String.valueOf(MAX_TIMEOUT_SECONDS), String.valueOf(GlobalDefaults.DEFAULT_TIMEOUT_SECONDS));
    }

    /** Refuses a value in a setter, before it is stored. */
    private static void require(String field, String problem) {
        if (problem != null) {
            throw new InvalidSettingException(field, problem);
        }
    }

    /**
     * A setter refused its value. Unchecked, so Configuration as Code reports it as the failure to apply the file;
     * the form turns it into a {@link FormException} on {@link #field}.
     */
    static final class InvalidSettingException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidSettingException(String field, String message) {
            super("ecrPromotion " + field + ": " + message);
            this.field = field;
        }

        String field() {
            return field;
        }

        FormException toFormException() {
            return new FormException(getMessage(), this, field);
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
        String value = EcrParameters.blankToNull(defaultRepository);
        // the switch is checked with the whole form (validate) or by setAllowOnDiskLayouts: here it may come next
        require("defaultRepository", defaultRepositoryProblem(value, true));
        if (!binding && !allowOnDiskLayouts && defaultRepositoryProblem(value, false) != null) {
            LOGGER.log(Level.WARNING, Messages.Config_OnDiskDefaultRefused() + " Steps and buttons refuse it until then.");
        }
        this.defaultRepository = value;
        saveUnlessBinding();
    }

    /** AWS region; empty means "from the ECR host name". */
    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        String value = EcrParameters.blankToNull(region);
        require("region", regionProblem(value));
        this.region = value;
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
        String value = EcrParameters.blankToNull(environments);
        require("environments", environmentsProblem(value));
        this.environments = value;
        saveUnlessBinding();
    }

    /** Registry API endpoint override (an ECR VPC endpoint); empty means the public endpoint. */
    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        String value = EcrParameters.blankToNull(endpointUrl);
        require("endpointUrl", endpointUrlProblem(value));
        this.endpointUrl = value;
        saveUnlessBinding();
    }

    /** Time limit in seconds for connecting and for each registry request: 1 to 600, default 30. */
    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    @DataBoundSetter
    public void setTimeoutSeconds(int timeoutSeconds) {
        require("timeoutSeconds", timeoutProblem(timeoutSeconds));
        this.timeoutSeconds = timeoutSeconds;
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
        if (!binding) {
            require("allowOnDiskLayouts", defaultRepositoryProblem(defaultRepository, allowOnDiskLayouts));
        }
        this.allowOnDiskLayouts = allowOnDiskLayouts;
        saveUnlessBinding();
    }

    // The doCheck methods only look at the text typed (no credentials, no network, no files), so like Jenkins' own
    // format checks they need neither POST nor a permission; each answers what configure() and the setters do.

    /** Checks the environment chain as the user types. */
    public FormValidation doCheckEnvironments(@QueryParameter String value) {
        String v = EcrParameters.blankToNull(value);
        if (v == null) {
            return FormValidation.ok(Messages.Config_EmptyMeans(EnvironmentChain.DEFAULT.toListString()));
        }
        return answer(environmentsProblem(v));
    }

    /**
     * Checks the default repository as the user types, with the on-disk layouts switch (a parameter of the same
     * name, so the form sends the box's state along and checks again when it changes).
     */
    public FormValidation doCheckDefaultRepository(@QueryParameter String value,
            @QueryParameter boolean allowOnDiskLayouts) {
        return answer(defaultRepositoryProblem(EcrParameters.blankToNull(value), allowOnDiskLayouts));
    }

    /** Checks the region as the user types. */
    public FormValidation doCheckRegion(@QueryParameter String value) {
        return answer(regionProblem(EcrParameters.blankToNull(value)));
    }

    /** Checks the endpoint URL as the user types. */
    public FormValidation doCheckEndpointUrl(@QueryParameter String value) {
        return answer(endpointUrlProblem(EcrParameters.blankToNull(value)));
    }

    /** Checks the timeout as the user types. */
    public FormValidation doCheckTimeoutSeconds(@QueryParameter String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok(Messages.Config_EmptyMeans(String.valueOf(GlobalDefaults.DEFAULT_TIMEOUT_SECONDS)));
        }
        try {
            return answer(timeoutProblem(Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return FormValidation.error(timeoutRange());
        }
    }

    private static FormValidation answer(String problem) {
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
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
