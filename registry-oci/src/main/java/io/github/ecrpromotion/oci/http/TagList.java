package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.oci.internal.Json;
import io.github.ecrpromotion.oci.internal.Warnings;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code /v2/<name>/tags/list} endpoint, following {@code Link: <...>; rel="next"} pages. No {@code n} is sent:
 * distribution 2.8 ignores it and returns every tag at once (v3 and hosted registries page on their own). Tags come
 * back unsorted from 2.8, so nothing here relies on their order. Tags that are not valid OCI tags are left out, each
 * with one warning line. A 404 means the repository does not exist (distribution: NAME_UNKNOWN).
 */
final class TagList {
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    /** More pages than any registry needs (10,000 pages of 100 tags): beyond it the Link headers are not trusted. */
    static final int MAX_PAGES = 10_000;

    private final Transport transport;
    private final Warnings warnings;
    private final int maxPages;

    TagList(Transport transport, Warnings warnings) {
        this(transport, warnings, MAX_PAGES);
    }

    /** With another page limit: a test shows the limit with a few pages instead of 10,000 requests. */
    TagList(Transport transport, Warnings warnings, int maxPages) {
        this.transport = transport;
        this.warnings = warnings;
        this.maxPages = maxPages;
    }

    List<Tag> list(Deadline deadline) throws RegistryException {
        String action = "list the tags of " + transport.repository();
        Set<Tag> tags = new LinkedHashSet<>();
        Set<URI> seen = new HashSet<>();
        URI next = transport.uri("tags/list");
        while (next != null) {
            if (!seen.add(next)) {
                throw HttpErrors.protocol(action, "the registry's Link headers go round in a circle at " + next.getPath());
            }
            if (seen.size() > maxPages) {
                throw HttpErrors.protocol(action, "the registry's Link headers lead to more than "
                        + String.format(java.util.Locale.ROOT, "%,d", maxPages)
                        + " pages of tags, more than this tool reads");
            }
            Response r = transport.send(action, "GET", next, Map.of("Accept", "application/json"), null, false,
                    CappedBody.Limit.TAG_LIST, deadline);
            if (r.status() == 404) {
                // distribution: 404 NAME_UNKNOWN. The executor tells a missing repository from a missing tag by this.
                throw HttpErrors.repositoryNotFound(action, transport.repository().toString(), r);
            }
            if (r.status() != 200) {
                throw HttpErrors.status(action, r);
            }
            try {
                for (Object o : Json.list(Json.parseObject(r.text()).get("tags"))) {
                    String t = Json.string(o);
                    if (t != null && Tag.PATTERN.matcher(t).matches()) {
                        tags.add(Tag.of(t));
                    } else if (t != null) {
                        // Other tools write tags we cannot name (ECR-style 300 characters): skipped, but said.
                        warnings.add(Warnings.skippedTag(t, transport.repository().toString()));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw HttpErrors.protocol(action, "the tag list is not valid JSON (" + e.getMessage() + ")");
            }
            next = nextPage(r).orElse(null);
        }
        return new ArrayList<>(tags);
    }

    /** The rel="next" link, resolved against the page's URL (registries send it relative, as /v2/...). */
    private static Optional<URI> nextPage(Response r) {
        for (String link : r.headers().allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                return Optional.of(r.uri().resolve(m.group(1)));
            }
        }
        return Optional.empty();
    }
}
