package io.github.ecrpromotion.oci.layout;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.oci.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layout's {@code index.json}: an OCI image index whose descriptors carry the tags as
 * {@code org.opencontainers.image.ref.name} annotations. Unknown fields (platform, other annotations) are kept when
 * it is rewritten. Not thread-safe; {@link OciLayout} reads a fresh copy for every operation.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image layout</a>
 */
final class LayoutIndex {
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final Map<String, Object> root;
    private final List<Object> manifests;

    private LayoutIndex(Map<String, Object> root) {
        this.root = root;
        Object m = root.get("manifests");
        if (!(m instanceof List)) {
            m = new ArrayList<>();
            root.put("manifests", m);
        }
        this.manifests = Json.list(m);
    }

    static LayoutIndex empty() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 2L);
        root.put("mediaType", MediaTypes.OCI_INDEX);
        root.put("manifests", new ArrayList<>());
        return new LayoutIndex(root);
    }

    static LayoutIndex parse(String text) {
        return new LayoutIndex(Json.parseObject(text));
    }

    String write() {
        return Json.write(root) + "\n";
    }

    private List<Map<String, Object>> entries() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : manifests) {
            Map<String, Object> d = Json.object(o);
            if (d != null && digestOf(d).isPresent()) {
                out.add(d);
            }
        }
        return out;
    }

    private static Optional<Digest> digestOf(Map<String, Object> d) {
        String s = Json.string(d.get("digest"));
        try {
            return s == null ? Optional.empty() : Optional.of(Digest.of(s));
        } catch (IllegalArgumentException notSha256) {
            return Optional.empty();
        }
    }

    /** The tag of a descriptor; names that are not plain tags (some tools write full references) are skipped. */
    private static Optional<Tag> tagOf(Map<String, Object> d) {
        Map<String, Object> a = Json.object(d.get("annotations"));
        String name = a == null ? null : Json.string(a.get(REF_NAME));
        if (name == null || !Tag.PATTERN.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(Tag.of(name));
    }

    /** The {@code ref.name} values that are not valid tags (full references other tools write), skipped everywhere. */
    List<String> invalidNames() {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, Object> d : entries()) {
            Map<String, Object> a = Json.object(d.get("annotations"));
            String name = a == null ? null : Json.string(a.get(REF_NAME));
            if (name != null && !Tag.PATTERN.matcher(name).matches()) {
                out.add(name);
            }
        }
        return new ArrayList<>(out);
    }

    /** The digest a tag points at; if several descriptors carry it (other tools), the last one wins. */
    Optional<Digest> resolve(Tag tag) {
        Optional<Digest> found = Optional.empty();
        for (Map<String, Object> d : entries()) {
            if (tagOf(d).filter(tag::equals).isPresent()) {
                found = digestOf(d);
            }
        }
        return found;
    }

    /** The media type a descriptor gives for this digest, if the index lists it. */
    Optional<String> mediaTypeOf(Digest digest) {
        for (Map<String, Object> d : entries()) {
            if (digestOf(d).filter(digest::equals).isPresent() && Json.string(d.get("mediaType")) != null) {
                return Optional.of(Json.string(d.get("mediaType")));
            }
        }
        return Optional.empty();
    }

    boolean lists(Digest digest) {
        return entries().stream().anyMatch(d -> digestOf(d).filter(digest::equals).isPresent());
    }

    List<Tag> tags() {
        Set<Tag> out = new LinkedHashSet<>();
        for (Map<String, Object> d : entries()) {
            tagOf(d).ifPresent(out::add);
        }
        return new ArrayList<>(out);
    }

    Set<Tag> tagsOf(Digest digest) {
        Set<Tag> out = new LinkedHashSet<>();
        for (Map<String, Object> d : entries()) {
            if (digestOf(d).filter(digest::equals).isPresent()) {
                tagOf(d).ifPresent(out::add);
            }
        }
        // A tag also on a later descriptor of another digest belongs there, not here.
        out.removeIf(t -> !resolve(t).filter(digest::equals).isPresent());
        return out;
    }

    /**
     * Points the tag at the digest and says whether the index needs writing. The tag's annotation is removed from
     * every other descriptor; such a descriptor stays in the index, untagged, as a registry keeps an untagged
     * manifest. An untagged descriptor of the same digest is reused rather than adding a duplicate.
     */
    boolean setTag(Tag tag, Digest digest, String mediaType, long size) {
        if (resolve(tag).filter(digest::equals).isPresent() && descriptorsTagged(tag) == 1) {
            return false;
        }
        for (Map<String, Object> d : entries()) {
            if (tagOf(d).filter(tag::equals).isPresent()) {
                Map<String, Object> a = Json.object(d.get("annotations"));
                a.remove(REF_NAME);
                if (a.isEmpty()) {
                    d.remove("annotations");
                }
            }
        }
        for (Map<String, Object> d : entries()) {
            Map<String, Object> a = Json.object(d.get("annotations"));
            if (digestOf(d).filter(digest::equals).isPresent() && (a == null || !a.containsKey(REF_NAME))) {
                if (a == null) {
                    a = new LinkedHashMap<>();
                    d.put("annotations", a);
                }
                a.put(REF_NAME, tag.value());
                return true;
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", mediaType);
        d.put("digest", digest.toString());
        d.put("size", size);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(REF_NAME, tag.value());
        d.put("annotations", a);
        manifests.add(d);
        return true;
    }

    private long descriptorsTagged(Tag tag) {
        return entries().stream().filter(d -> tagOf(d).filter(tag::equals).isPresent()).count();
    }
}
