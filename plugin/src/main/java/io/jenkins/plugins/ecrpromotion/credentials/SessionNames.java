package io.jenkins.plugins.ecrpromotion.credentials;

import java.text.Normalizer;

/**
 * STS role session names that say who acted, so CloudTrail shows it: {@code <job>-<build number>} for a step,
 * {@code user-<user id>} for a build-page button. STS allows 2 to 64 characters of {@code [\w+=,.@-]} (ASCII word
 * characters); anything else (folder slashes, spaces, {@code #}, other scripts) becomes {@code -}, accents are
 * dropped, runs of {@code -} collapse. A long job name is cut at its start: the build number and the job's own name
 * (the end of a folder path) are what tell builds apart.
 */
public final class SessionNames {
    /** STS RoleSessionName limit. */
    static final int MAX = 64;
    /** Used when nothing usable is left (STS needs at least 2 characters). */
    static final String FALLBACK = "ecr-promotion";

    private SessionNames() {
    }

    /** {@code team/ecs-demo} build 11 gives {@code team-ecs-demo-11}. */
    public static String forBuild(String jobFullName, int number) {
        String suffix = "-" + number;
        String job = clean(jobFullName);
        if (job.isEmpty()) {
            job = "build";
        }
        int room = MAX - suffix.length();
        if (job.length() > room) {
            job = trimEdges(job.substring(job.length() - room));
        }
        return finish(job + suffix);
    }

    /** User {@code alice@example.com} gives {@code user-alice@example.com}. */
    public static String forUser(String userId) {
        String user = clean(userId);
        String name = "user-" + (user.isEmpty() ? "unknown" : user);
        return finish(name.length() > MAX ? trimEdges(name.substring(0, MAX)) : name);
    }

    /** Only {@code [\w+=,.@-]}: accents dropped, every other character a {@code -}, runs collapsed, edges trimmed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String replaced = decomposed.replaceAll("[^A-Za-z0-9_+=,.@-]+", "-").replaceAll("-{2,}", "-");
        return trimEdges(replaced);
    }

    private static String trimEdges(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == '-') {
            b++;
        }
        while (e > b && s.charAt(e - 1) == '-') {
            e--;
        }
        return s.substring(b, e);
    }

    private static String finish(String name) {
        String n = name.length() > MAX ? name.substring(0, MAX) : name;
        return n.length() < 2 ? FALLBACK : n;
    }
}
