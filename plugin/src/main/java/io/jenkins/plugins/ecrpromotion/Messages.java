package io.jenkins.plugins.ecrpromotion;

import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * Localized texts from {@code Messages.properties}, in the shape localizer-maven-plugin generates (that plugin
 * lives in the unreachable Jenkins repository, so this class is written by hand). {@code _Key()} returns a
 * {@link Localizable} that is resolved in the viewer's locale; {@code Key()} the text in the default locale.
 * Keys use dots; methods use underscores.
 */
public final class Messages {
    private static final ResourceBundleHolder HOLDER = ResourceBundleHolder.get(Messages.class);

    private Messages() {
    }

    /** "ECR Promotion": title of the permission group. */
    public static String EcrPromotionPermissions_GroupTitle() {
        return HOLDER.format("EcrPromotionPermissions.GroupTitle");
    }

    /** Localizable form of {@link #EcrPromotionPermissions_GroupTitle()}. */
    public static Localizable _EcrPromotionPermissions_GroupTitle() {
        return new Localizable(HOLDER, "EcrPromotionPermissions.GroupTitle");
    }

    /** Description of the Promote permission. */
    public static String EcrPromotionPermissions_Promote_Description() {
        return HOLDER.format("EcrPromotionPermissions.Promote.Description");
    }

    /** Localizable form of {@link #EcrPromotionPermissions_Promote_Description()}. */
    public static Localizable _EcrPromotionPermissions_Promote_Description() {
        return new Localizable(HOLDER, "EcrPromotionPermissions.Promote.Description");
    }
}
