package io.github.ecrpromotion.core.buildtag;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.ref.Tag;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build tag grammar: {@code <yyyy.MM.dd'T'HH.mm.ss'Z'>.<7 hex>-<job>-<number>}, and the rules that make
 * an arbitrary Jenkins job name tag-safe.
 */
public final class BuildTagFormat {
    /** Maximum tag length allowed by the OCI tag grammar. */
    public static final int MAX_LENGTH = 128;
    /**
     * STRICT with {@code uuuu}: a date or time that does not exist (30 February, month 13, hour 24, second 60) is
     * refused, never moved to a neighbouring one, or a typed tag would name another image than the one it spells.
     */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu.MM.dd'T'HH.mm.ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    /** The years the 4-digit timestamp can spell. */
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    /** The design recognises build tags by this leading timestamp. */
    static final Pattern LEADING_TIMESTAMP = Pattern.compile("^\\d{4}\\.\\d{2}\\.\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2}Z");
    private static final Pattern FULL = Pattern.compile(
            "(\\d{4}\\.\\d{2}\\.\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2}Z)\\.([0-9a-f]{7})-([A-Za-z0-9_.-]+)-(\\d{1,19})");
    private static final Pattern JOB = Pattern.compile("[A-Za-z0-9_.]|[A-Za-z0-9_.][A-Za-z0-9_.-]*[A-Za-z0-9_.]");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{7,64}");
    private static final String EXAMPLE = "2016.08.24T17.13.38Z.5ad95f2-ecs-demo-11";

    private BuildTagFormat() {
    }

    static BuildTag generate(Instant time, String gitSha, String jobName, long buildNumber) throws InvalidInputException {
        if (time == null) {
            throw new InvalidInputException("Tried to generate a build tag but failed because the build time is missing");
        }
        if (time.isBefore(FIRST) || time.isAfter(LAST)) {
            throw new InvalidInputException("Tried to generate a build tag but failed because the build time " + time
                    + " does not fit the tag's 4-digit year; it must be between years 0000 and 9999");
        }
        if (gitSha == null || !HEX.matcher(gitSha.trim()).matches()) {
            throw new InvalidInputException("Tried to generate a build tag but failed because the git sha '" + gitSha
                    + "' is not a commit id: it must be 7 to 64 hexadecimal digits");
        }
        if (buildNumber < 0) {
            throw new InvalidInputException("Tried to generate a build tag but failed because the build number "
                    + buildNumber + " is negative; it must be 0 or more");
        }
        String sha = gitSha.trim().substring(0, 7).toLowerCase(Locale.ROOT);
        String job = sanitizeJob(jobName);
        if (job.isEmpty()) {
            throw new InvalidInputException("Tried to generate a build tag but failed because the job name '" + jobName
                    + "' has no letters or digits to keep; it must contain at least one of [A-Za-z0-9_.]");
        }
        int room = MAX_LENGTH - (TIME.format(Instant.EPOCH).length() + 1 + 7 + 1 + 1 + Long.toString(buildNumber).length());
        if (job.length() > room) {
            job = trimDashes(job.substring(0, room));
        }
        return BuildTag.of(time.truncatedTo(ChronoUnit.SECONDS), sha, job, buildNumber);
    }

    /**
     * Makes a job name tag-safe: folder separators and every character outside {@code [A-Za-z0-9_.-]} become
     * {@code -}, runs of {@code -} collapse, and no {@code -} is left at either end.
     */
    public static String sanitizeJob(String jobName) {
        if (jobName == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(jobName.length());
        for (int i = 0; i < jobName.length(); i++) {
            char c = jobName.charAt(i);
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
            char next = safe ? c : '-';
            if (next == '-' && out.length() > 0 && out.charAt(out.length() - 1) == '-') {
                continue;
            }
            out.append(next);
        }
        return trimDashes(out.toString());
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    static BuildTag parse(String text) throws InvalidInputException {
        Matcher m = matchGrammar(text);
        String why = "a build tag must look like " + EXAMPLE + " (UTC time yyyy.MM.ddTHH.mm.ssZ, '.', 7 hex digits "
                + "of the git sha, '-', job, '-', build number)";
        if (m == null) {
            throw new InvalidInputException("Tried to read the build tag '" + text + "' but failed because " + why);
        }
        Optional<BuildTag> parsed = fromMatch(text, m);
        if (parsed.isEmpty()) {
            throw new InvalidInputException("Tried to read the build tag '" + text + "' but failed because its time "
                    + m.group(1) + " is not a real UTC date and time (a calendar date, hours 00-23, minutes and seconds "
                    + "00-59); " + why);
        }
        return parsed.get();
    }

    /**
     * The build tag this text spells, if it is one: the same strict check as {@link BuildTag#parse}, keeping the
     * text exactly. Never throws.
     */
    public static Optional<BuildTag> tryParse(String text) {
        Matcher m = matchGrammar(text);
        return m == null ? Optional.empty() : fromMatch(text, m);
    }

    /** The match of the grammar (time, sha, job, number), or null. */
    private static Matcher matchGrammar(String text) {
        if (text == null || text.length() > MAX_LENGTH || !Tag.PATTERN.matcher(text).matches()) {
            return null;
        }
        Matcher m = FULL.matcher(text);
        return m.matches() && JOB.matcher(m.group(3)).matches() ? m : null;
    }

    /** Empty when the timestamp is not a real date and time. Leading zeros of the number are kept in the text. */
    private static Optional<BuildTag> fromMatch(String text, Matcher m) {
        Instant time;
        try {
            time = LocalDateTime.parse(m.group(1), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        long number;
        try {
            // 19 digits may exceed a long; what generate() makes (any long) always parses back.
            number = Long.parseLong(m.group(4));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        return Optional.of(new BuildTag(text, time, m.group(2), m.group(3), number));
    }

    static boolean looksLikeBuildTag(String text) {
        return LEADING_TIMESTAMP.matcher(text).find();
    }

    /** The canonical text of these fields. */
    static String format(Instant time, String gitSha, String job, long buildNumber) {
        return TIME.format(time) + "." + gitSha + "-" + job + "-" + buildNumber;
    }

    static void requireValid(Instant time, String gitSha, String job, long buildNumber) {
        if (time == null || time.getNano() != 0 || time.isBefore(FIRST) || time.isAfter(LAST)) {
            throw new IllegalArgumentException("build time must be whole seconds in years 0000-9999: " + time);
        }
        if (gitSha == null || !gitSha.matches("[0-9a-f]{7}")) {
            throw new IllegalArgumentException("git sha must be 7 lower-case hex digits: " + gitSha);
        }
        if (job == null || !JOB.matcher(job).matches()) {
            throw new IllegalArgumentException("job must be tag-safe: " + job);
        }
        if (buildNumber < 0) {
            throw new IllegalArgumentException("build number must not be negative: " + buildNumber);
        }
        String text = format(time, gitSha, job, buildNumber);
        if (!Tag.PATTERN.matcher(text).matches()) {
            throw new IllegalArgumentException("build tag is not a valid tag: " + text);
        }
    }
}
