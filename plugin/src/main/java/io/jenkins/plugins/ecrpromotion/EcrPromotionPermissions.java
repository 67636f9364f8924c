package io.jenkins.plugins.ecrpromotion;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;

/**
 * The plugin's permissions, shown as the "ECR Promotion" column group in matrix-based security.
 *
 * <p>{@link #PROMOTE} guards the build page's promote and roll-back buttons: a user needs it on the job to move an
 * environment tag (for example {@code production}) to an image a build recorded. It is granted per job or folder
 * ({@link PermissionScope#ITEM}) and implied by {@link Jenkins#ADMINISTER}, so by default only administrators have
 * it. Pipeline steps are not checked against it: like any Pipeline step they run as the build's authentication
 * (SYSTEM unless an authorization plugin such as authorize-project says otherwise), and who may change a
 * Jenkinsfile is who may promote from it.
 *
 * <p>A permission exists for Jenkins only once its class is initialized, and the authorization strategy reads
 * the security settings at startup: {@link #register()} runs then, so a matrix entry for {@link #PROMOTE} is never
 * dropped as unknown.
 */
public final class EcrPromotionPermissions {
    /** The "ECR Promotion" permission group. */
    public static final PermissionGroup GROUP =
            new PermissionGroup(EcrPromotionPermissions.class, Messages._EcrPromotionPermissions_GroupTitle());

    /** Move an environment tag of a job's images; id {@code io.jenkins.plugins.ecrpromotion.EcrPromotionPermissions.Promote}. */
    public static final Permission PROMOTE = new Permission(GROUP, "Promote",
            Messages._EcrPromotionPermissions_Promote_Description(), Jenkins.ADMINISTER, PermissionScope.ITEM);

    private EcrPromotionPermissions() {
    }

    /** Initializes this class (and so registers the group and permission) once plugins have started. */
    @Initializer(after = InitMilestone.PLUGINS_STARTED, before = InitMilestone.EXTENSIONS_AUGMENTED)
    public static void register() {
        PROMOTE.getId();
    }
}
