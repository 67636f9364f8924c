package io.jenkins.plugins.ecrpromotion;

import hudson.Extension;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;

/**
 * The plugin's permissions, shown as the "ECR Promotion" column group in matrix-based security.
 *
 * <p>{@link #PROMOTE} lets a user move an environment tag (for example {@code production}) to an image built by a
 * job, from a build page or a Pipeline step running as that user. It is granted per job ({@link PermissionScope#ITEM})
 * and implied by {@link Jenkins#ADMINISTER}, so administrators always have it.
 *
 * <p>An {@link Extension} only so that Jenkins loads this class at startup (it initializes every indexed extension
 * class), which registers the permissions before security settings are read; it has no behaviour.
 */
@Extension
public final class EcrPromotionPermissions {
    /** The "ECR Promotion" permission group. */
    public static final PermissionGroup GROUP =
            new PermissionGroup(EcrPromotionPermissions.class, Messages._EcrPromotionPermissions_GroupTitle());

    /** Move an environment tag of a job's images; id {@code io.jenkins.plugins.ecrpromotion.EcrPromotionPermissions.Promote}. */
    public static final Permission PROMOTE = new Permission(GROUP, "Promote",
            Messages._EcrPromotionPermissions_Promote_Description(), Jenkins.ADMINISTER, PermissionScope.ITEM);

    /** Instantiated by Jenkins' extension loader. */
    public EcrPromotionPermissions() {
    }
}
