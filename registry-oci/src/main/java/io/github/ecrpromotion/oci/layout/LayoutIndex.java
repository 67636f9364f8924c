package io.github.ecrpromotion.oci.layout;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import io.github.ecrpromotion.oci.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The layout's {@code index.json}: an OCI image index whose descriptors carry the tags as
 * {@code org.opencontainers.image.ref.name} annotations.
 *
 * <p>A write keeps what it does not own byte for byte: the index is kept as text, each descriptor as its own raw
 * text, and a tag move edits only the {@code ref.name} member of the descriptors it touches (a splice at offsets
 * Jackson reports). Nothing is ever re-serialised, so numbers ({@code 1e3}), escapes (a lone {@code \ud800}),
 * unknown fields, their order and the file's layout stay as they were. A key repeated anywhere in the file is
 * refused rather than guessed at: readers disagree on which copy counts (first, last, error), so any choice we made
 * could point a tag at an image another tool does not see.
 *
 * <p>Lookups go through maps built in one pass, so every operation is linear in the number of descriptors however
 * many tags one image has. Not thread-safe; {@link OciLayout} reads a fresh copy for every operation.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image layout</a>
 */
final class LayoutIndex {
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    /** The text before the first descriptor (up to the first descriptor, or the manifests array's '[' when empty). */
    private final String prefix;
    /** The text after the last descriptor (or from the manifests array's ']' when empty). */
    private final String suffix;
    /** Put between descriptors: the file's own separator (comma and indentation) when it has one. */
    private final String separator;
    private final List<Entry> entries;

    private Map<Digest, List<Entry>> byDigest;
    private Map<Tag, List<Entry>> byTag;
    private List<Tag> tagOrder;
    private List<String> invalidNames;
    /** Descriptors visited, for tests that prove the operations linear. */
    long steps;

    private LayoutIndex(String prefix, String suffix, String separator, List<Entry> entries) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.separator = separator;
        this.entries = entries;
        reindex();
    }

    static LayoutIndex empty() {
        return parse("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}\n");
    }

    /**
     * Reads index.json; throws {@link IllegalArgumentException} on bad JSON, a bad shape, or a key this tool reads
     * ({@code manifests}; a descriptor's {@code digest}, {@code mediaType}, {@code annotations}, ref.name) given twice,
     * where which one counts is unclear. Other repeated keys are another tool's business: kept byte for byte.
     */
    static LayoutIndex parse(String text) {
        try (JsonParser p = Json.parser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            int lastValueEnd = -1;
            int open = -1;
            int close = -1;
            List<int[]> spans = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("manifests") && open >= 0) {
                    throw repeated("manifests");
                }
                if (name.equals("manifests")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new IllegalArgumentException("\"manifests\" is not an array");
                    }
                    open = offset(p) + 1;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int start = offset(p);
                        spans.add(new int[] {start, valueEnd(p)});
                    }
                    close = offset(p);
                }
                lastValueEnd = valueEnd(p);
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing characters after the index");
            }
            String prefix;
            String suffix;
            if (open < 0) {
                // No manifests array (allowed by no spec, but written by hand): add one after the last member.
                int at = lastValueEnd < 0 ? text.indexOf('{') + 1 : lastValueEnd;
                prefix = text.substring(0, at) + (lastValueEnd < 0 ? "" : ",") + "\"manifests\":[";
                suffix = "]" + text.substring(at);
            } else if (spans.isEmpty()) {
                prefix = text.substring(0, open);
                suffix = text.substring(close);
            } else {
                // The indentation before the first descriptor and after the last one stays where it is.
                prefix = text.substring(0, spans.get(0)[0]);
                suffix = text.substring(spans.get(spans.size() - 1)[1]);
            }
            String separator = ",";
            if (spans.size() >= 2) {
                separator = text.substring(spans.get(0)[1], spans.get(1)[0]);
            } else if (spans.size() == 1) {
                separator = "," + text.substring(open, spans.get(0)[0]);
            }
            List<Entry> entries = new ArrayList<>(spans.size());
            for (int[] s : spans) {
                entries.add(Entry.parse(text.substring(s[0], s[1])));
            }
            return new LayoutIndex(prefix, suffix, separator, entries);
        } catch (IOException e) {
            throw Json.invalid(e);
        }
    }

    /** A key this tool reads, given twice: tools disagree on which one counts, so the file is refused. */
    private static IllegalArgumentException repeated(String key) {
        return new IllegalArgumentException("invalid JSON: Duplicate field '" + key + "', which this tool reads; tools "
                + "disagree on which one counts, so remove one of them");
    }

    /** The text to write: unchanged descriptors exactly as read. */
    String write() {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(entries.get(i).text);
        }
        return out.append(suffix).toString();
    }

    private void reindex() {
        byDigest = new HashMap<>();
        byTag = new HashMap<>();
        Set<Tag> order = new LinkedHashSet<>();
        Set<String> invalid = new LinkedHashSet<>();
        for (Entry e : entries) {
            steps++;
            if (e.digest == null) {
                continue;
            }
            byDigest.computeIfAbsent(e.digest, d -> new ArrayList<>(1)).add(e);
            if (e.tag != null) {
                byTag.computeIfAbsent(e.tag, t -> new ArrayList<>(1)).add(e);
                order.add(e.tag);
            } else if (e.refName != null) {
                invalid.add(e.refName);
            }
        }
        tagOrder = new ArrayList<>(order);
        invalidNames = new ArrayList<>(invalid);
    }

    /** The {@code ref.name} values that are not valid tags (full references other tools write), skipped everywhere. */
    List<String> invalidNames() {
        return invalidNames;
    }

    /** The digest a tag points at; if several descriptors carry it (other tools), the last one wins. */
    Optional<Digest> resolve(Tag tag) {
        List<Entry> carrying = byTag.get(tag);
        return carrying == null ? Optional.empty() : Optional.of(carrying.get(carrying.size() - 1).digest);
    }

    /** The media type a descriptor gives for this digest, if the index lists it. */
    Optional<String> mediaTypeOf(Digest digest) {
        for (Entry e : byDigest.getOrDefault(digest, List.of())) {
            steps++;
            if (e.mediaType != null) {
                return Optional.of(e.mediaType);
            }
        }
        return Optional.empty();
    }

    boolean lists(Digest digest) {
        return byDigest.containsKey(digest);
    }

    List<Tag> tags() {
        return new ArrayList<>(tagOrder);
    }

    Set<Tag> tagsOf(Digest digest) {
        Set<Tag> out = new LinkedHashSet<>();
        for (Entry e : byDigest.getOrDefault(digest, List.of())) {
            steps++;
            // A tag also on a later descriptor of another digest belongs there, not here.
            if (e.tag != null && resolve(e.tag).filter(digest::equals).isPresent()) {
                out.add(e.tag);
            }
        }
        return out;
    }

    /** Each wanted tag that resolves, with all tags of its image that {@code wanted} accepts, in {@code order}. */
    Map<Tag, Image> imagesOf(List<Tag> tags, Predicate<Tag> wanted, Comparator<Tag> order) {
        Map<Digest, List<Tag>> others = new HashMap<>();
        Map<Tag, Image> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            Optional<Digest> d = resolve(t);
            if (d.isPresent()) {
                // Computed once per image, not once per tag: 10,000 tags on one image stay linear.
                List<Tag> same = others.computeIfAbsent(d.get(),
                        digest -> tagsOf(digest).stream().filter(wanted).sorted(order).toList());
                out.put(t, new Image(d.get(), same));
            }
        }
        return out;
    }

    /**
     * Points the tag at the digest and says whether the index needs writing. The tag's annotation is removed from
     * every other descriptor. A descriptor left without a tag stays (as a registry keeps an untagged manifest) only
     * when no other descriptor lists its digest, and then once; an untagged descriptor of the digest is reused
     * (keeping its platform and other fields) rather than adding one.
     */
    boolean setTag(Tag tag, Digest digest, String mediaType, long size) {
        List<Entry> carrying = byTag.getOrDefault(tag, List.of());
        if (carrying.size() == 1 && carrying.get(0).digest.equals(digest)) {
            return false;
        }
        for (Entry e : carrying) {
            steps++;
            e.removeRefName();
        }
        Entry reuse = null;
        for (Entry e : byDigest.getOrDefault(digest, List.of())) {
            steps++;
            if (e.canTakeRefName()) {
                reuse = e;
                break;
            }
        }
        if (reuse != null) {
            reuse.addRefName(tag);
        } else {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("mediaType", mediaType);
            d.put("digest", digest.toString());
            d.put("size", size);
            d.put("annotations", Map.of(REF_NAME, tag.value()));
            entries.add(Entry.parse(Json.write(d)));
        }
        dropRedundantUntagged();
        reindex();
        return true;
    }

    /** Removes each untagged descriptor whose digest another descriptor lists (tagged, or an earlier untagged one). */
    private void dropRedundantUntagged() {
        Set<Digest> named = new HashSet<>();
        for (Entry e : entries) {
            steps++;
            if (e.digest != null && e.named()) {
                named.add(e.digest);
            }
        }
        Set<Digest> keptUntagged = new HashSet<>();
        entries.removeIf(e -> e.digest != null && !e.named()
                && (named.contains(e.digest) || !keptUntagged.add(e.digest)));
    }

    /** The end offset (exclusive) of the value the parser is at; moves the parser to the value's last token. */
    private static int valueEnd(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return offset(p) + 1;
        }
        p.finishToken();
        return (int) p.currentLocation().getCharOffset();
    }

    private static int offset(JsonParser p) {
        return (int) p.currentTokenLocation().getCharOffset();
    }

    /** One descriptor as raw text, with what the index needs from it and where to edit its {@code ref.name}. */
    private static final class Entry {
        String text;
        Digest digest;
        String mediaType;
        /** The ref.name annotation when it is a string, valid tag or not. */
        String refName;
        Tag tag;
        /** Offset after the last member of the descriptor (or after its '{'), and whether it has members. */
        int lastMemberEnd;
        boolean hasMembers;
        /** The annotations object: -1 when absent; else offset after its last member (or after its '{'). */
        int annotationsEnd = -1;
        boolean annotationsPresentNotObject;
        boolean annotationsHasMembers;
        /** The ref.name member's span and the spans of its neighbours, for removing it with its comma. */
        int refStart = -1;
        int refEnd = -1;
        int prevEnd = -1;
        int nextStart = -1;

        static Entry parse(String text) {
            Entry e = new Entry();
            e.text = text;
            try (JsonParser p = Json.parser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return e; // kept as it is; not a descriptor we can use
                }
                java.util.Set<String> read = new java.util.HashSet<>();
                e.lastMemberEnd = offset(p) + 1;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if ((name.equals("digest") || name.equals("mediaType") || name.equals("annotations")) && !read.add(name)) {
                        throw repeated(name);
                    }
                    if (name.equals("digest") && v == JsonToken.VALUE_STRING) {
                        e.digest = digestOrNull(p.getText());
                    } else if (name.equals("mediaType") && v == JsonToken.VALUE_STRING) {
                        e.mediaType = p.getText();
                    } else if (name.equals("annotations")) {
                        if (v == JsonToken.START_OBJECT) {
                            e.readAnnotations(p);
                        } else {
                            e.annotationsPresentNotObject = true;
                        }
                    }
                    e.lastMemberEnd = valueEnd(p);
                    e.hasMembers = true;
                }
            } catch (IOException bad) {
                throw Json.invalid(bad);
            }
            if (e.refName != null && Tag.PATTERN.matcher(e.refName).matches()) {
                e.tag = Tag.of(e.refName);
            }
            return e;
        }

        private void readAnnotations(JsonParser p) throws IOException {
            annotationsEnd = offset(p) + 1;
            int previous = -1;
            boolean afterRef = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int start = offset(p);
                if (afterRef) {
                    nextStart = start;
                    afterRef = false;
                }
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals(REF_NAME) && refStart >= 0) {
                    throw repeated(REF_NAME);
                }
                if (name.equals(REF_NAME)) {
                    refName = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    refStart = start;
                    prevEnd = previous;
                    afterRef = true;
                }
                previous = valueEnd(p);
                if (name.equals(REF_NAME)) {
                    refEnd = previous;
                }
                annotationsEnd = previous;
                annotationsHasMembers = true;
            }
        }

        private static Digest digestOrNull(String s) {
            try {
                return Digest.of(s);
            } catch (IllegalArgumentException notSha256) {
                return null;
            }
        }

        /** Whether the descriptor has a ref.name member at all (a tag, a full reference, or something odd). */
        boolean named() {
            return refStart >= 0;
        }

        boolean canTakeRefName() {
            return !annotationsPresentNotObject && refStart < 0;
        }

        /** Cuts the ref.name member with one adjacent comma; the rest of the descriptor stays as it was. */
        void removeRefName() {
            if (refStart < 0) {
                return;
            }
            if (prevEnd >= 0) {
                edit(text.substring(0, prevEnd) + text.substring(refEnd));
            } else if (nextStart >= 0) {
                edit(text.substring(0, refStart) + text.substring(nextStart));
            } else {
                edit(text.substring(0, refStart) + text.substring(refEnd));
            }
        }

        void addRefName(Tag tag) {
            String member = Json.write(REF_NAME) + ":" + Json.write(tag.value());
            if (annotationsEnd >= 0) {
                edit(text.substring(0, annotationsEnd) + (annotationsHasMembers ? "," : "") + member
                        + text.substring(annotationsEnd));
            } else {
                edit(text.substring(0, lastMemberEnd) + (hasMembers ? "," : "") + "\"annotations\":{" + member + "}"
                        + text.substring(lastMemberEnd));
            }
        }

        private void edit(String newText) {
            Entry fresh = parse(newText);
            text = fresh.text;
            digest = fresh.digest;
            mediaType = fresh.mediaType;
            refName = fresh.refName;
            tag = fresh.tag;
            lastMemberEnd = fresh.lastMemberEnd;
            hasMembers = fresh.hasMembers;
            annotationsEnd = fresh.annotationsEnd;
            annotationsPresentNotObject = fresh.annotationsPresentNotObject;
            annotationsHasMembers = fresh.annotationsHasMembers;
            refStart = fresh.refStart;
            refEnd = fresh.refEnd;
            prevEnd = fresh.prevEnd;
            nextStart = fresh.nextStart;
        }
    }
}
