package io.jenkins.plugins.ecrpromotion.pages;

/**
 * The page a button sits on, named by the {@code from} parameter of a click; a browser is sent back there with the
 * outcome. Only these fixed targets exist, so the parameter can never redirect elsewhere (no open redirect).
 * Without {@code from} (a script), the click answers its status instead.
 */
public enum Origin {
    /** The build page (summary block). */
    BUILD,
    /** The build's ECR Promotion page. */
    ACTION,
    /** The job's Environments page. */
    ENVIRONMENTS;

    /** The origin {@code from} names, or null for none or an unknown value. */
    public static Origin parse(String from) {
        if (from == null) {
            return null;
        }
        for (Origin o : values()) {
            if (o.name().equalsIgnoreCase(from.trim())) {
                return o;
            }
        }
        return null;
    }

    /** The value buttons send. */
    public String param() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The absolute path to redirect to.
     *
     * @param contextPath the servlet context path ("" or e.g. "/jenkins")
     * @param runUrl      the build's URL relative to the root, e.g. {@code job/app/12/}
     * @param jobUrl      the job's URL relative to the root, e.g. {@code job/app/}
     */
    public String path(String contextPath, String runUrl, String jobUrl) {
        String root = (contextPath == null ? "" : contextPath) + "/";
        return switch (this) {
            case BUILD -> root + runUrl;
            case ACTION -> root + runUrl + io.jenkins.plugins.ecrpromotion.EcrPromotionAction.URL_NAME + "/";
            case ENVIRONMENTS -> root + jobUrl + EnvironmentsAction.URL_NAME + "/";
        };
    }
}
