package io.jenkins.plugins.ecrpromotion;

import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * Localized texts from {@code Messages.properties}, in the shape localizer-maven-plugin generates (that plugin
 * lives in the unreachable Jenkins repository, so this class is kept by hand; {@code MessagesTest} checks that it
 * and the properties file name the same keys with the same number of arguments). {@code _Key()} returns a
 * {@link Localizable} that is resolved in the viewer's locale; {@code Key()} the text in the current locale.
 * Keys use dots; methods use underscores. Numbers are passed as text, so a build number never gets a grouping comma.
 */
public final class Messages {
    private static final ResourceBundleHolder HOLDER = ResourceBundleHolder.get(Messages.class);

    private Messages() {
    }

    /** ECR Promotion */
    public static String EcrPromotionPermissions_GroupTitle() {
        return HOLDER.format("EcrPromotionPermissions.GroupTitle");
    }

    /** Localizable form of {@link #EcrPromotionPermissions_GroupTitle}. */
    public static Localizable _EcrPromotionPermissions_GroupTitle() {
        return new Localizable(HOLDER, "EcrPromotionPermissions.GroupTitle");
    }

    /** Use the promote and roll-back buttons on a build page of this job: move an environment ... */
    public static String EcrPromotionPermissions_Promote_Description() {
        return HOLDER.format("EcrPromotionPermissions.Promote.Description");
    }

    /** Localizable form of {@link #EcrPromotionPermissions_Promote_Description}. */
    public static Localizable _EcrPromotionPermissions_Promote_Description() {
        return new Localizable(HOLDER, "EcrPromotionPermissions.Promote.Description");
    }

    /** ECR Promotion */
    public static String Action_DisplayName() {
        return HOLDER.format("Action.DisplayName");
    }

    /** Localizable form of {@link #Action_DisplayName}. */
    public static Localizable _Action_DisplayName() {
        return new Localizable(HOLDER, "Action.DisplayName");
    }

    /** Environments */
    public static String Environments_DisplayName() {
        return HOLDER.format("Environments.DisplayName");
    }

    /** Localizable form of {@link #Environments_DisplayName}. */
    public static Localizable _Environments_DisplayName() {
        return new Localizable(HOLDER, "Environments.DisplayName");
    }

    /** build #&#123;0&#125; is gone */
    public static String Environments_BuildGone(Object arg0) {
        return HOLDER.format("Environments.BuildGone", arg0);
    }

    /** Localizable form of {@link #Environments_BuildGone}. */
    public static Localizable _Environments_BuildGone(Object arg0) {
        return new Localizable(HOLDER, "Environments.BuildGone", arg0);
    }

    /** Build #&#123;0&#125; of this job recorded no image; reload the Environments page. */
    public static String Environments_NoSuchBuild(Object arg0) {
        return HOLDER.format("Environments.NoSuchBuild", arg0);
    }

    /** Localizable form of {@link #Environments_NoSuchBuild}. */
    public static Localizable _Environments_NoSuchBuild(Object arg0) {
        return new Localizable(HOLDER, "Environments.NoSuchBuild", arg0);
    }

    /** ECR environments */
    public static String Badge_DisplayName() {
        return HOLDER.format("Badge.DisplayName");
    }

    /** Localizable form of {@link #Badge_DisplayName}. */
    public static Localizable _Badge_DisplayName() {
        return new Localizable(HOLDER, "Badge.DisplayName");
    }

    /** &#123;0&#125; holds this build's image of &#123;1&#125; */
    public static String Badge_Tooltip(Object arg0, Object arg1) {
        return HOLDER.format("Badge.Tooltip", arg0, arg1);
    }

    /** Localizable form of {@link #Badge_Tooltip}. */
    public static Localizable _Badge_Tooltip(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Badge.Tooltip", arg0, arg1);
    }

    /** state unavailable: &#123;0&#125; */
    public static String LiveState_Unavailable(Object arg0) {
        return HOLDER.format("LiveState.Unavailable", arg0);
    }

    /** Localizable form of {@link #LiveState_Unavailable}. */
    public static Localizable _LiveState_Unavailable(Object arg0) {
        return new Localizable(HOLDER, "LiveState.Unavailable", arg0);
    }

    /** Promote to &#123;0&#125; */
    public static String Button_Promote(Object arg0) {
        return HOLDER.format("Button.Promote", arg0);
    }

    /** Localizable form of {@link #Button_Promote}. */
    public static Localizable _Button_Promote(Object arg0) {
        return new Localizable(HOLDER, "Button.Promote", arg0);
    }

    /** Promote &#123;0&#125; from &#123;1&#125; to &#123;2&#125;? */
    public static String Button_Promote_Question(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("Button.Promote.Question", arg0, arg1, arg2);
    }

    /** Localizable form of {@link #Button_Promote_Question}. */
    public static Localizable _Button_Promote_Question(Object arg0, Object arg1, Object arg2) {
        return new Localizable(HOLDER, "Button.Promote.Question", arg0, arg1, arg2);
    }

    /** Roll back &#123;0&#125; to &#123;1&#125; */
    public static String Button_RollBack(Object arg0, Object arg1) {
        return HOLDER.format("Button.RollBack", arg0, arg1);
    }

    /** Localizable form of {@link #Button_RollBack}. */
    public static Localizable _Button_RollBack(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Button.RollBack", arg0, arg1);
    }

    /** Roll back &#123;0&#125; to &#123;1&#125;? */
    public static String Button_RollBack_Question(Object arg0, Object arg1) {
        return HOLDER.format("Button.RollBack.Question", arg0, arg1);
    }

    /** Localizable form of {@link #Button_RollBack_Question}. */
    public static Localizable _Button_RollBack_Question(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Button.RollBack.Question", arg0, arg1);
    }

    /** &#123;0&#125; now holds &#123;1&#125;. */
    public static String Button_NowHolds(Object arg0, Object arg1) {
        return HOLDER.format("Button.NowHolds", arg0, arg1);
    }

    /** Localizable form of {@link #Button_NowHolds}. */
    public static Localizable _Button_NowHolds(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Button.NowHolds", arg0, arg1);
    }

    /** &#123;0&#125; holds no image yet. */
    public static String Button_HoldsNothing(Object arg0) {
        return HOLDER.format("Button.HoldsNothing", arg0);
    }

    /** Localizable form of {@link #Button_HoldsNothing}. */
    public static Localizable _Button_HoldsNothing(Object arg0) {
        return new Localizable(HOLDER, "Button.HoldsNothing", arg0);
    }

    /** Environment */
    public static String Column_Environment() {
        return HOLDER.format("Column.Environment");
    }

    /** Localizable form of {@link #Column_Environment}. */
    public static Localizable _Column_Environment() {
        return new Localizable(HOLDER, "Column.Environment");
    }

    /** Holds now */
    public static String Column_HoldsNow() {
        return HOLDER.format("Column.HoldsNow");
    }

    /** Localizable form of {@link #Column_HoldsNow}. */
    public static Localizable _Column_HoldsNow() {
        return new Localizable(HOLDER, "Column.HoldsNow");
    }

    /** Build */
    public static String Column_Build() {
        return HOLDER.format("Column.Build");
    }

    /** Localizable form of {@link #Column_Build}. */
    public static Localizable _Column_Build() {
        return new Localizable(HOLDER, "Column.Build");
    }

    /** Digest */
    public static String Column_Digest() {
        return HOLDER.format("Column.Digest");
    }

    /** Localizable form of {@link #Column_Digest}. */
    public static Localizable _Column_Digest() {
        return new Localizable(HOLDER, "Column.Digest");
    }

    /** Promoted */
    public static String Column_Promoted() {
        return HOLDER.format("Column.Promoted");
    }

    /** Localizable form of {@link #Column_Promoted}. */
    public static Localizable _Column_Promoted() {
        return new Localizable(HOLDER, "Column.Promoted");
    }

    /** By */
    public static String Column_By() {
        return HOLDER.format("Column.By");
    }

    /** Localizable form of {@link #Column_By}. */
    public static Localizable _Column_By() {
        return new Localizable(HOLDER, "Column.By");
    }

    /** Actions */
    public static String Column_Actions() {
        return HOLDER.format("Column.Actions");
    }

    /** Localizable form of {@link #Column_Actions}. */
    public static Localizable _Column_Actions() {
        return new Localizable(HOLDER, "Column.Actions");
    }

    /** (empty) */
    public static String Cell_Empty() {
        return HOLDER.format("Cell.Empty");
    }

    /** Localizable form of {@link #Cell_Empty}. */
    public static Localizable _Cell_Empty() {
        return new Localizable(HOLDER, "Cell.Empty");
    }

    /** (no build tag) */
    public static String Cell_NoBuildTag() {
        return HOLDER.format("Cell.NoBuildTag");
    }

    /** Localizable form of {@link #Cell_NoBuildTag}. */
    public static Localizable _Cell_NoBuildTag() {
        return new Localizable(HOLDER, "Cell.NoBuildTag");
    }

    /** (this build) */
    public static String Cell_ThisBuild() {
        return HOLDER.format("Cell.ThisBuild");
    }

    /** Localizable form of {@link #Cell_ThisBuild}. */
    public static Localizable _Cell_ThisBuild() {
        return new Localizable(HOLDER, "Cell.ThisBuild");
    }

    /** Not promoted: &#123;0&#125; lacks the permission ECR Promotion / Promote on &#123;1&#12... */
    public static String Click_NoPermission(Object arg0, Object arg1) {
        return HOLDER.format("Click.NoPermission", arg0, arg1);
    }

    /** Localizable form of {@link #Click_NoPermission}. */
    public static Localizable _Click_NoPermission(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Click.NoPermission", arg0, arg1);
    }

    /** This build recorded no image in the repository '&#123;0&#125;'; use a button on the bui... */
    public static String Click_NoSuchImage(Object arg0) {
        return HOLDER.format("Click.NoSuchImage", arg0);
    }

    /** Localizable form of {@link #Click_NoSuchImage}. */
    public static Localizable _Click_NoSuchImage(Object arg0) {
        return new Localizable(HOLDER, "Click.NoSuchImage", arg0);
    }

    /** Unknown mode '&#123;0&#125;': it must be &#123;1&#125; or &#123;2&#125;. */
    public static String Click_UnknownMode(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("Click.UnknownMode", arg0, arg1, arg2);
    }

    /** Localizable form of {@link #Click_UnknownMode}. */
    public static Localizable _Click_UnknownMode(Object arg0, Object arg1, Object arg2) {
        return new Localizable(HOLDER, "Click.UnknownMode", arg0, arg1, arg2);
    }

    /** Promoted &#123;0&#125; to &#123;1&#125;. */
    public static String Click_Promoted(Object arg0, Object arg1) {
        return HOLDER.format("Click.Promoted", arg0, arg1);
    }

    /** Localizable form of {@link #Click_Promoted}. */
    public static Localizable _Click_Promoted(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Click.Promoted", arg0, arg1);
    }

    /** Rolled &#123;0&#125; back to &#123;1&#125;. */
    public static String Click_RolledBack(Object arg0, Object arg1) {
        return HOLDER.format("Click.RolledBack", arg0, arg1);
    }

    /** Localizable form of {@link #Click_RolledBack}. */
    public static Localizable _Click_RolledBack(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Click.RolledBack", arg0, arg1);
    }

    /** &#123;0&#125; already held &#123;1&#125;; nothing changed. */
    public static String Click_Unchanged(Object arg0, Object arg1) {
        return HOLDER.format("Click.Unchanged", arg0, arg1);
    }

    /** Localizable form of {@link #Click_Unchanged}. */
    public static Localizable _Click_Unchanged(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Click.Unchanged", arg0, arg1);
    }

    /** Build tag of this run, optionally applied to a pushed image (ECR Promotion) */
    public static String Step_BuildTag_DisplayName() {
        return HOLDER.format("Step.BuildTag.DisplayName");
    }

    /** Localizable form of {@link #Step_BuildTag_DisplayName}. */
    public static Localizable _Step_BuildTag_DisplayName() {
        return new Localizable(HOLDER, "Step.BuildTag.DisplayName");
    }

    /** Promote a container image to an environment (ECR Promotion) */
    public static String Step_Promote_DisplayName() {
        return HOLDER.format("Step.Promote.DisplayName");
    }

    /** Localizable form of {@link #Step_Promote_DisplayName}. */
    public static Localizable _Step_Promote_DisplayName() {
        return new Localizable(HOLDER, "Step.Promote.DisplayName");
    }

    /** Show which build each environment holds (ECR Promotion) */
    public static String Step_State_DisplayName() {
        return HOLDER.format("Step.State.DisplayName");
    }

    /** Localizable form of {@link #Step_State_DisplayName}. */
    public static Localizable _Step_State_DisplayName() {
        return new Localizable(HOLDER, "Step.State.DisplayName");
    }

    /** The default registry is an on-disk OCI layout (oci:PATH), but on-disk layouts are not a... */
    public static String Config_OnDiskDefaultRefused() {
        return HOLDER.format("Config.OnDiskDefaultRefused");
    }

    /** Localizable form of {@link #Config_OnDiskDefaultRefused}. */
    public static Localizable _Config_OnDiskDefaultRefused() {
        return new Localizable(HOLDER, "Config.OnDiskDefaultRefused");
    }

    /** The region '&#123;0&#125;' is not an AWS region name. Use lower-case letters, digits an... */
    public static String Config_BadRegion(Object arg0) {
        return HOLDER.format("Config.BadRegion", arg0);
    }

    /** Localizable form of {@link #Config_BadRegion}. */
    public static Localizable _Config_BadRegion(Object arg0) {
        return new Localizable(HOLDER, "Config.BadRegion", arg0);
    }

    /** Enter an http:// or https:// URL with a host, such as https://api.ecr.us-east-1.amazona... */
    public static String Config_Endpoint_Valid() {
        return HOLDER.format("Config.Endpoint.Valid");
    }

    /** Localizable form of {@link #Config_Endpoint_Valid}. */
    public static Localizable _Config_Endpoint_Valid() {
        return new Localizable(HOLDER, "Config.Endpoint.Valid");
    }

    /** The endpoint URL is not a valid URL. */
    public static String Config_Endpoint_Invalid() {
        return HOLDER.format("Config.Endpoint.Invalid");
    }

    /** Localizable form of {@link #Config_Endpoint_Invalid}. */
    public static Localizable _Config_Endpoint_Invalid() {
        return new Localizable(HOLDER, "Config.Endpoint.Invalid");
    }

    /** The endpoint URL must use http or https. */
    public static String Config_Endpoint_NoScheme() {
        return HOLDER.format("Config.Endpoint.NoScheme");
    }

    /** Localizable form of {@link #Config_Endpoint_NoScheme}. */
    public static Localizable _Config_Endpoint_NoScheme() {
        return new Localizable(HOLDER, "Config.Endpoint.NoScheme");
    }

    /** The endpoint URL must use http or https, not &#123;0&#125;. */
    public static String Config_Endpoint_Scheme(Object arg0) {
        return HOLDER.format("Config.Endpoint.Scheme", arg0);
    }

    /** Localizable form of {@link #Config_Endpoint_Scheme}. */
    public static Localizable _Config_Endpoint_Scheme(Object arg0) {
        return new Localizable(HOLDER, "Config.Endpoint.Scheme", arg0);
    }

    /** The endpoint URL must not hold a user or password; the credentials are chosen separately. */
    public static String Config_Endpoint_UserInfo() {
        return HOLDER.format("Config.Endpoint.UserInfo");
    }

    /** Localizable form of {@link #Config_Endpoint_UserInfo}. */
    public static Localizable _Config_Endpoint_UserInfo() {
        return new Localizable(HOLDER, "Config.Endpoint.UserInfo");
    }

    /** The endpoint URL has no host. */
    public static String Config_Endpoint_NoHost() {
        return HOLDER.format("Config.Endpoint.NoHost");
    }

    /** Localizable form of {@link #Config_Endpoint_NoHost}. */
    public static Localizable _Config_Endpoint_NoHost() {
        return new Localizable(HOLDER, "Config.Endpoint.NoHost");
    }

    /** The timeout is a whole number of seconds from &#123;0&#125; to &#123;1&#125; (default &... */
    public static String Config_Timeout_Range(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("Config.Timeout.Range", arg0, arg1, arg2);
    }

    /** Localizable form of {@link #Config_Timeout_Range}. */
    public static Localizable _Config_Timeout_Range(Object arg0, Object arg1, Object arg2) {
        return new Localizable(HOLDER, "Config.Timeout.Range", arg0, arg1, arg2);
    }

    /** &#123;0&#125; is outside it. */
    public static String Config_Timeout_Outside(Object arg0) {
        return HOLDER.format("Config.Timeout.Outside", arg0);
    }

    /** Localizable form of {@link #Config_Timeout_Outside}. */
    public static Localizable _Config_Timeout_Outside(Object arg0) {
        return new Localizable(HOLDER, "Config.Timeout.Outside", arg0);
    }

    /** Empty: &#123;0&#125; */
    public static String Config_EmptyMeans(Object arg0) {
        return HOLDER.format("Config.EmptyMeans", arg0);
    }

    /** Localizable form of {@link #Config_EmptyMeans}. */
    public static Localizable _Config_EmptyMeans(Object arg0) {
        return new Localizable(HOLDER, "Config.EmptyMeans", arg0);
    }

    /** Manage Jenkins -&gt; System -&gt; ECR Promotion */
    public static String Failures_SystemPage() {
        return HOLDER.format("Failures.SystemPage");
    }

    /** Localizable form of {@link #Failures_SystemPage}. */
    public static Localizable _Failures_SystemPage() {
        return new Localizable(HOLDER, "Failures.SystemPage");
    }

    /** Promote from the previous environment in the chain, or name the image with buildTag: or... */
    public static String Failures_NotFromPredecessor(Object arg0) {
        return HOLDER.format("Failures.NotFromPredecessor", arg0);
    }

    /** Localizable form of {@link #Failures_NotFromPredecessor}. */
    public static Localizable _Failures_NotFromPredecessor(Object arg0) {
        return new Localizable(HOLDER, "Failures.NotFromPredecessor", arg0);
    }

    /** Give the image that environment holds now a build tag first, for example with ecrBuildT... */
    public static String Failures_LastTag() {
        return HOLDER.format("Failures.LastTag");
    }

    /** Localizable form of {@link #Failures_LastTag}. */
    public static Localizable _Failures_LastTag() {
        return new Localizable(HOLDER, "Failures.LastTag");
    }

    /** Environment tags must move: set the repository's tag immutability to MUTABLE in Amazon ... */
    public static String Failures_ImmutableTag() {
        return HOLDER.format("Failures.ImmutableTag");
    }

    /** Localizable form of {@link #Failures_ImmutableTag}. */
    public static Localizable _Failures_ImmutableTag() {
        return new Localizable(HOLDER, "Failures.ImmutableTag");
    }

    /** Build tags never move: run a new build to get a new build tag, or pass the image that a... */
    public static String Failures_BuildTagTaken(Object arg0) {
        return HOLDER.format("Failures.BuildTagTaken", arg0);
    }

    /** Localizable form of {@link #Failures_BuildTagTaken}. */
    public static Localizable _Failures_BuildTagTaken(Object arg0) {
        return new Localizable(HOLDER, "Failures.BuildTagTaken", arg0);
    }

    /** That image already belongs to another build: move it with ecrPromote(buildTag: ...) and... */
    public static String Failures_ImageOfAnotherBuild() {
        return HOLDER.format("Failures.ImageOfAnotherBuild");
    }

    /** Localizable form of {@link #Failures_ImageOfAnotherBuild}. */
    public static Localizable _Failures_ImageOfAnotherBuild() {
        return new Localizable(HOLDER, "Failures.ImageOfAnotherBuild");
    }

    /** Reload the page: the previous environment holds another build now. */
    public static String Failures_SourceMoved() {
        return HOLDER.format("Failures.SourceMoved");
    }

    /** Localizable form of {@link #Failures_SourceMoved}. */
    public static Localizable _Failures_SourceMoved() {
        return new Localizable(HOLDER, "Failures.SourceMoved");
    }

    /** Check credentialsId: in &#123;0&#125; or the default credentials in &#123;1&#125; (or t... */
    public static String Failures_Auth(Object arg0, Object arg1) {
        return HOLDER.format("Failures.Auth", arg0, arg1);
    }

    /** Localizable form of {@link #Failures_Auth}. */
    public static Localizable _Failures_Auth(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Failures.Auth", arg0, arg1);
    }

    /** Check repository: (and region:) in &#123;0&#125; or the default registry in &#123;1&#125;. */
    public static String Failures_NotFound(Object arg0, Object arg1) {
        return HOLDER.format("Failures.NotFound", arg0, arg1);
    }

    /** Localizable form of {@link #Failures_NotFound}. */
    public static Localizable _Failures_NotFound(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Failures.NotFound", arg0, arg1);
    }

    /** Another change reached the registry at the same time; check the state (ecrState or the ... */
    public static String Failures_Conflict(Object arg0) {
        return HOLDER.format("Failures.Conflict", arg0);
    }

    /** Localizable form of {@link #Failures_Conflict}. */
    public static Localizable _Failures_Conflict(Object arg0) {
        return new Localizable(HOLDER, "Failures.Conflict", arg0);
    }

    /** Check that the Jenkins controller can reach the registry (endpoint URL and timeout are ... */
    public static String Failures_Unavailable(Object arg0, Object arg1) {
        return HOLDER.format("Failures.Unavailable", arg0, arg1);
    }

    /** Localizable form of {@link #Failures_Unavailable}. */
    public static Localizable _Failures_Unavailable(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Failures.Unavailable", arg0, arg1);
    }

    /** Check that repository: in &#123;0&#125; names an Amazon ECR or OCI registry repository,... */
    public static String Failures_Protocol(Object arg0, Object arg1) {
        return HOLDER.format("Failures.Protocol", arg0, arg1);
    }

    /** Localizable form of {@link #Failures_Protocol}. */
    public static Localizable _Failures_Protocol(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Failures.Protocol", arg0, arg1);
    }

    /** Check the parameters of &#123;0&#125; (repository:, environments:, the source and targe... */
    public static String Failures_Invalid(Object arg0, Object arg1) {
        return HOLDER.format("Failures.Invalid", arg0, arg1);
    }

    /** Localizable form of {@link #Failures_Invalid}. */
    public static Localizable _Failures_Invalid(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Failures.Invalid", arg0, arg1);
    }

    /** See &#123;0&#125; in docs/STEPS.md. */
    public static String Failures_SeeDocs(Object arg0) {
        return HOLDER.format("Failures.SeeDocs", arg0);
    }

    /** Localizable form of {@link #Failures_SeeDocs}. */
    public static Localizable _Failures_SeeDocs(Object arg0) {
        return new Localizable(HOLDER, "Failures.SeeDocs", arg0);
    }

    /** the step */
    public static String Failures_TheStep() {
        return HOLDER.format("Failures.TheStep");
    }

    /** Localizable form of {@link #Failures_TheStep}. */
    public static Localizable _Failures_TheStep() {
        return new Localizable(HOLDER, "Failures.TheStep");
    }

    /** No repository given: set repository: in &#123;0&#125; or a default registry in &#123;1&... */
    public static String Resolver_NoRepository(Object arg0, Object arg1) {
        return HOLDER.format("Resolver.NoRepository", arg0, arg1);
    }

    /** Localizable form of {@link #Resolver_NoRepository}. */
    public static Localizable _Resolver_NoRepository(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Resolver.NoRepository", arg0, arg1);
    }

    /** repository: in &#123;0&#125; */
    public static String Resolver_Where_Repository(Object arg0) {
        return HOLDER.format("Resolver.Where.Repository", arg0);
    }

    /** Localizable form of {@link #Resolver_Where_Repository}. */
    public static Localizable _Resolver_Where_Repository(Object arg0) {
        return new Localizable(HOLDER, "Resolver.Where.Repository", arg0);
    }

    /** the default registry in &#123;0&#125; */
    public static String Resolver_Where_DefaultRegistry(Object arg0) {
        return HOLDER.format("Resolver.Where.DefaultRegistry", arg0);
    }

    /** Localizable form of {@link #Resolver_Where_DefaultRegistry}. */
    public static Localizable _Resolver_Where_DefaultRegistry(Object arg0) {
        return new Localizable(HOLDER, "Resolver.Where.DefaultRegistry", arg0);
    }

    /** &#123;0&#125;. Check &#123;1&#125;. */
    public static String Resolver_Check(Object arg0, Object arg1) {
        return HOLDER.format("Resolver.Check", arg0, arg1);
    }

    /** Localizable form of {@link #Resolver_Check}. */
    public static Localizable _Resolver_Check(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Resolver.Check", arg0, arg1);
    }

    /** &#123;0&#125;. Fix &#123;1&#125;. */
    public static String Resolver_Fix(Object arg0, Object arg1) {
        return HOLDER.format("Resolver.Fix", arg0, arg1);
    }

    /** Localizable form of {@link #Resolver_Fix}. */
    public static Localizable _Resolver_Fix(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Resolver.Fix", arg0, arg1);
    }

    /** environments: in &#123;0&#125; */
    public static String Resolver_Where_Environments(Object arg0) {
        return HOLDER.format("Resolver.Where.Environments", arg0);
    }

    /** Localizable form of {@link #Resolver_Where_Environments}. */
    public static Localizable _Resolver_Where_Environments(Object arg0) {
        return new Localizable(HOLDER, "Resolver.Where.Environments", arg0);
    }

    /** the environment chain in &#123;0&#125; */
    public static String Resolver_Where_DefaultChain(Object arg0) {
        return HOLDER.format("Resolver.Where.DefaultChain", arg0);
    }

    /** Localizable form of {@link #Resolver_Where_DefaultChain}. */
    public static Localizable _Resolver_Where_DefaultChain(Object arg0) {
        return new Localizable(HOLDER, "Resolver.Where.DefaultChain", arg0);
    }

    /** credentialsId: in &#123;0&#125; */
    public static String Resolver_Where_CredentialsId(Object arg0) {
        return HOLDER.format("Resolver.Where.CredentialsId", arg0);
    }

    /** Localizable form of {@link #Resolver_Where_CredentialsId}. */
    public static Localizable _Resolver_Where_CredentialsId(Object arg0) {
        return new Localizable(HOLDER, "Resolver.Where.CredentialsId", arg0);
    }

    /** the default credentials in &#123;0&#125; */
    public static String Resolver_Where_DefaultCredentials(Object arg0) {
        return HOLDER.format("Resolver.Where.DefaultCredentials", arg0);
    }

    /** Localizable form of {@link #Resolver_Where_DefaultCredentials}. */
    public static Localizable _Resolver_Where_DefaultCredentials(Object arg0) {
        return new Localizable(HOLDER, "Resolver.Where.DefaultCredentials", arg0);
    }

    /** Tried to use the OCI layout &#123;0&#125; but failed because on-disk layouts (oci:PATH,... */
    public static String Resolver_LayoutRefused(Object arg0, Object arg1) {
        return HOLDER.format("Resolver.LayoutRefused", arg0, arg1);
    }

    /** Localizable form of {@link #Resolver_LayoutRefused}. */
    public static Localizable _Resolver_LayoutRefused(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Resolver.LayoutRefused", arg0, arg1);
    }

    /** Tried to reach &#123;0&#125; for this build but failed because its step took its AWS id... */
    public static String Resolver_StepEnvironmentIdentity(Object arg0, Object arg1) {
        return HOLDER.format("Resolver.StepEnvironmentIdentity", arg0, arg1);
    }

    /** Localizable form of {@link #Resolver_StepEnvironmentIdentity}. */
    public static Localizable _Resolver_StepEnvironmentIdentity(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Resolver.StepEnvironmentIdentity", arg0, arg1);
    }

    /** Tried to use the AWS keys of the step's environment for &#123;0&#125; but failed becaus... */
    public static String Resolver_HalfKeys(Object arg0) {
        return HOLDER.format("Resolver.HalfKeys", arg0);
    }

    /** Localizable form of {@link #Resolver_HalfKeys}. */
    public static Localizable _Resolver_HalfKeys(Object arg0) {
        return new Localizable(HOLDER, "Resolver.HalfKeys", arg0);
    }

    /** Tried to use the AWS profile '&#123;0&#125;' (AWS_PROFILE in the step's environment) fo... */
    public static String Resolver_ProfileRefused(Object arg0, Object arg1, Object arg2, Object arg3) {
        return HOLDER.format("Resolver.ProfileRefused", arg0, arg1, arg2, arg3);
    }

    /** Localizable form of {@link #Resolver_ProfileRefused}. */
    public static Localizable _Resolver_ProfileRefused(Object arg0, Object arg1, Object arg2, Object arg3) {
        return new Localizable(HOLDER, "Resolver.ProfileRefused", arg0, arg1, arg2, arg3);
    }

    /** Tried to find AWS credentials for &#123;0&#125; but failed because none were given (no ... */
    public static String Resolver_NoAwsCredentials(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("Resolver.NoAwsCredentials", arg0, arg1, arg2);
    }

    /** Localizable form of {@link #Resolver_NoAwsCredentials}. */
    public static Localizable _Resolver_NoAwsCredentials(Object arg0, Object arg1, Object arg2) {
        return new Localizable(HOLDER, "Resolver.NoAwsCredentials", arg0, arg1, arg2);
    }

    /** Tried to use the credentials '&#123;0&#125;' for &#123;1&#125; but failed because no cr... */
    public static String Resolver_NoSuchCredentials(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("Resolver.NoSuchCredentials", arg0, arg1, arg2);
    }

    /** Localizable form of {@link #Resolver_NoSuchCredentials}. */
    public static Localizable _Resolver_NoSuchCredentials(Object arg0, Object arg1, Object arg2) {
        return new Localizable(HOLDER, "Resolver.NoSuchCredentials", arg0, arg1, arg2);
    }

    /** Tried to use the credentials '&#123;0&#125;' for &#123;1&#125; but failed because they ... */
    public static String Resolver_NoAccessKey(Object arg0, Object arg1, Object arg2, Object arg3) {
        return HOLDER.format("Resolver.NoAccessKey", arg0, arg1, arg2, arg3);
    }

    /** Localizable form of {@link #Resolver_NoAccessKey}. */
    public static Localizable _Resolver_NoAccessKey(Object arg0, Object arg1, Object arg2, Object arg3) {
        return new Localizable(HOLDER, "Resolver.NoAccessKey", arg0, arg1, arg2, arg3);
    }

    /** Tried to get AWS keys from the credentials '&#123;0&#125;' but failed because &#123;1&#... */
    public static String Resolver_KeysFailed(Object arg0, Object arg1) {
        return HOLDER.format("Resolver.KeysFailed", arg0, arg1);
    }

    /** Localizable form of {@link #Resolver_KeysFailed}. */
    public static Localizable _Resolver_KeysFailed(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Resolver.KeysFailed", arg0, arg1);
    }

    /** Tried to get AWS keys from the credentials '&#123;0&#125;' but failed because they gave... */
    public static String Resolver_NoKeys(Object arg0) {
        return HOLDER.format("Resolver.NoKeys", arg0);
    }

    /** Localizable form of {@link #Resolver_NoKeys}. */
    public static Localizable _Resolver_NoKeys(Object arg0) {
        return new Localizable(HOLDER, "Resolver.NoKeys", arg0);
    }

    /** Tried to use the credentials '&#123;0&#125;' for &#123;1&#125; but failed because they ... */
    public static String Resolver_WrongKind(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("Resolver.WrongKind", arg0, arg1, arg2);
    }

    /** Localizable form of {@link #Resolver_WrongKind}. */
    public static Localizable _Resolver_WrongKind(Object arg0, Object arg1, Object arg2) {
        return new Localizable(HOLDER, "Resolver.WrongKind", arg0, arg1, arg2);
    }

    /** Tried to use the credentials '&#123;0&#125;' for &#123;1&#125; but failed because they ... */
    public static String Resolver_KindMismatch(Object arg0, Object arg1, Object arg2, Object arg3, Object arg4) {
        return HOLDER.format("Resolver.KindMismatch", arg0, arg1, arg2, arg3, arg4);
    }

    /** Localizable form of {@link #Resolver_KindMismatch}. */
    public static Localizable _Resolver_KindMismatch(Object arg0, Object arg1, Object arg2, Object arg3, Object arg4) {
        return new Localizable(HOLDER, "Resolver.KindMismatch", arg0, arg1, arg2, arg3, arg4);
    }

    /** AWS Credentials */
    public static String Resolver_Kind_Aws() {
        return HOLDER.format("Resolver.Kind.Aws");
    }

    /** Localizable form of {@link #Resolver_Kind_Aws}. */
    public static Localizable _Resolver_Kind_Aws() {
        return new Localizable(HOLDER, "Resolver.Kind.Aws");
    }

    /** a username with password */
    public static String Resolver_Kind_UserPass() {
        return HOLDER.format("Resolver.Kind.UserPass");
    }

    /** Localizable form of {@link #Resolver_Kind_UserPass}. */
    public static Localizable _Resolver_Kind_UserPass() {
        return new Localizable(HOLDER, "Resolver.Kind.UserPass");
    }

    /** Amazon ECR repositories */
    public static String Resolver_Fits_Ecr() {
        return HOLDER.format("Resolver.Fits.Ecr");
    }

    /** Localizable form of {@link #Resolver_Fits_Ecr}. */
    public static Localizable _Resolver_Fits_Ecr() {
        return new Localizable(HOLDER, "Resolver.Fits.Ecr");
    }

    /** OCI registries other than Amazon ECR */
    public static String Resolver_Fits_Other() {
        return HOLDER.format("Resolver.Fits.Other");
    }

    /** Localizable form of {@link #Resolver_Fits_Other}. */
    public static Localizable _Resolver_Fits_Other() {
        return new Localizable(HOLDER, "Resolver.Fits.Other");
    }

    /** Tried to make the build tag of &#123;0&#125; but failed because no commit is known. Set... */
    public static String Step_BuildTag_NoCommit(Object arg0, Object arg1) {
        return HOLDER.format("Step.BuildTag.NoCommit", arg0, arg1);
    }

    /** Localizable form of {@link #Step_BuildTag_NoCommit}. */
    public static Localizable _Step_BuildTag_NoCommit(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Step.BuildTag.NoCommit", arg0, arg1);
    }

    /** Tried to tag an image with &#123;0&#125; but failed because source: is missing. Set sou... */
    public static String Step_BuildTag_NoSource(Object arg0, Object arg1) {
        return HOLDER.format("Step.BuildTag.NoSource", arg0, arg1);
    }

    /** Localizable form of {@link #Step_BuildTag_NoSource}. */
    public static Localizable _Step_BuildTag_NoSource(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Step.BuildTag.NoSource", arg0, arg1);
    }

    /** an environment */
    public static String Step_Promote_AnEnvironment() {
        return HOLDER.format("Step.Promote.AnEnvironment");
    }

    /** Localizable form of {@link #Step_Promote_AnEnvironment}. */
    public static Localizable _Step_Promote_AnEnvironment() {
        return new Localizable(HOLDER, "Step.Promote.AnEnvironment");
    }

    /** Tried to promote to &#123;0&#125; but failed because no source was given; name exactly ... */
    public static String Step_Promote_NoSource(Object arg0) {
        return HOLDER.format("Step.Promote.NoSource", arg0);
    }

    /** Localizable form of {@link #Step_Promote_NoSource}. */
    public static Localizable _Step_Promote_NoSource(Object arg0) {
        return new Localizable(HOLDER, "Step.Promote.NoSource", arg0);
    }

    /** Tried to promote to &#123;0&#125; but failed because &#123;1&#125; sources were given; ... */
    public static String Step_Promote_TooManySources(Object arg0, Object arg1) {
        return HOLDER.format("Step.Promote.TooManySources", arg0, arg1);
    }

    /** Localizable form of {@link #Step_Promote_TooManySources}. */
    public static Localizable _Step_Promote_TooManySources(Object arg0, Object arg1) {
        return new Localizable(HOLDER, "Step.Promote.TooManySources", arg0, arg1);
    }

    /** Tried to promote but failed because no target environment was given; set to: to one of ... */
    public static String Step_Promote_NoTarget(Object arg0) {
        return HOLDER.format("Step.Promote.NoTarget", arg0);
    }

    /** Localizable form of {@link #Step_Promote_NoTarget}. */
    public static Localizable _Step_Promote_NoTarget(Object arg0) {
        return new Localizable(HOLDER, "Step.Promote.NoTarget", arg0);
    }

    /** Tried to use the HTTP proxy &#123;0&#125; but failed because its port &#123;1&#125; is ... */
    public static String Proxy_BadPort(Object arg0, Object arg1, Object arg2) {
        return HOLDER.format("Proxy.BadPort", arg0, arg1, arg2);
    }

    /** Localizable form of {@link #Proxy_BadPort}. */
    public static Localizable _Proxy_BadPort(Object arg0, Object arg1, Object arg2) {
        return new Localizable(HOLDER, "Proxy.BadPort", arg0, arg1, arg2);
    }

    /** Manage Jenkins -&gt; System -&gt; HTTP Proxy Configuration */
    public static String Proxy_Page() {
        return HOLDER.format("Proxy.Page");
    }

    /** Localizable form of {@link #Proxy_Page}. */
    public static Localizable _Proxy_Page() {
        return new Localizable(HOLDER, "Proxy.Page");
    }
}
