package io.github.ecrpromotion.oci.layout;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.MediaTypes;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.Image;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

public class LayoutIndexTest {
    private static final Digest A = Digest.sha256("a".getBytes(StandardCharsets.UTF_8));
    private static final Digest B = Digest.sha256("b".getBytes(StandardCharsets.UTF_8));
    private static final String MT = MediaTypes.OCI_MANIFEST;

    private static String desc(Digest d, String tag) {
        return "{\"mediaType\":\"" + MT + "\",\"digest\":\"" + d + "\",\"size\":7"
                + (tag == null ? "" : ",\"annotations\":{\"" + LayoutIndex.REF_NAME + "\":\"" + tag + "\"}") + "}";
    }

    private static long untagged(LayoutIndex index, Digest d) {
        String text = index.write();
        long n = 0;
        for (String part : text.split("\\{\"mediaType\"")) {
            if (part.contains(d.toString()) && !part.contains(LayoutIndex.REF_NAME)) {
                n++;
            }
        }
        return n;
    }

    @Test
    public void setTag_movingATagBackAndForth_leavesNoUntaggedCopyOfATaggedImage() {
        LayoutIndex index = LayoutIndex.empty();
        index.setTag(Tag.of("b10"), A, MT, 7);
        index.setTag(Tag.of("testing"), A, MT, 7);
        index.setTag(Tag.of("b11"), B, MT, 7);
        for (int i = 0; i < 3; i++) {
            assertTrue(index.setTag(Tag.of("testing"), B, MT, 7));
            assertTrue(index.setTag(Tag.of("testing"), A, MT, 7));
        }
        assertEquals(0, untagged(index, A));
        assertEquals(0, untagged(index, B));
        assertEquals(3, LayoutIndex.parse(index.write()).tags().size());
        assertEquals(Set.of(Tag.of("b10"), Tag.of("testing")), index.tagsOf(A));
    }

    @Test
    public void setTag_lastTagLeavingAnImage_keepsItUntaggedOnce() {
        String text = "{\"schemaVersion\":2,\"manifests\":[" + desc(A, null) + "," + desc(A, null) + "," + desc(A, "testing")
                + "," + desc(B, "other") + "]}";
        LayoutIndex index = LayoutIndex.parse(text);
        assertTrue(index.setTag(Tag.of("testing"), B, MT, 7));
        assertEquals(1, untagged(index, A));
        assertEquals(0, untagged(index, B));
        assertTrue(index.lists(A));
        // Moving back reuses the untagged descriptor: one descriptor of A, tagged.
        assertTrue(index.setTag(Tag.of("testing"), A, MT, 7));
        assertEquals(0, untagged(index, A));
        assertEquals(2, index.write().split("\"digest\"").length - 1);
    }

    @Test
    public void write_afterATagMove_keepsEverythingElseByteForByte() {
        String other = "{\n      \"mediaType\": \"" + MT + "\",\n      \"digest\": \"" + B + "\",\n      \"size\": 1e3,\n"
                + "      \"platform\": {\"architecture\": \"arm64\", \"os.version\": \"10.0.17763.1040\", \"x\": -0.0E+00},\n"
                + "      \"annotations\": {\"note\": \"\\ud800 \\u00e9\\/\", \"" + LayoutIndex.REF_NAME + "\": \"other\","
                + " \"z\": [1.10, 2E5]}\n    }";
        String moved = "{\n      \"mediaType\": \"" + MT + "\",\n      \"digest\": \"" + A + "\",\n      \"size\": 7,\n"
                + "      \"annotations\": {\"" + LayoutIndex.REF_NAME + "\": \"testing\", \"keep\": \"me\"}\n    }";
        String text = "{\n  \"schemaVersion\": 2,\n  \"x-unknown\": 12345678901234567890123.5e-7,\n  \"manifests\": [\n    "
                + moved + ",\n    " + other + "\n  ],\n  \"annotations\": {\"a\": \"\\ud83d\"}\n}\n";
        LayoutIndex index = LayoutIndex.parse(text);
        assertTrue(index.setTag(Tag.of("testing"), B, MT, 7));
        String expectedMoved = moved.replace("\"" + LayoutIndex.REF_NAME + "\": \"testing\", ", "");
        // A keeps its only descriptor, untagged; B's tagged one stays as it was and B gets a new one for 'testing'.
        String added = ",\n    {\"mediaType\":\"" + MT + "\",\"digest\":\"" + B + "\",\"size\":7,\"annotations\":{\""
                + LayoutIndex.REF_NAME + "\":\"testing\"}}";
        assertEquals(text.replace(moved, expectedMoved).replace(other, other + added), index.write());
    }

    @Test
    public void setTag_onADescriptorWithoutAnnotations_addsThemAndKeepsTheRest() {
        String text = "{\"manifests\":[{\"digest\":\"" + A + "\",\"size\":1e3}],\"z\":1E+3}";
        LayoutIndex index = LayoutIndex.parse(text);
        assertTrue(index.setTag(Tag.of("t"), A, MT, 7));
        assertEquals("{\"manifests\":[{\"digest\":\"" + A + "\",\"size\":1e3,\"annotations\":{\"" + LayoutIndex.REF_NAME
                + "\":\"t\"}}],\"z\":1E+3}", index.write());
    }

    @Test
    public void parse_repeatedKey_isRefusedNamingIt() {
        String text = "{\"manifests\":[{\"digest\":\"" + A + "\",\"digest\":\"" + B + "\"}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayoutIndex.parse(text));
        assertTrue(e.getMessage(), e.getMessage().contains("Duplicate field 'digest'"));
        // A key of another tool may repeat: kept as written.
        assertEquals("{\"a\":1,\"a\":1,\"manifests\":[]}", LayoutIndex.parse("{\"a\":1,\"a\":1,\"manifests\":[]}").write());
        assertThrows(IllegalArgumentException.class, () -> LayoutIndex.parse("{\"manifests\":[],\"manifests\":[]}"));
    }

    @Test
    public void parse_withoutManifests_addsTheArrayOnWrite() {
        LayoutIndex index = LayoutIndex.parse("{\"schemaVersion\": 2}");
        assertTrue(index.setTag(Tag.of("t"), A, MT, 7));
        assertEquals(Map.of(), Map.of());
        assertEquals(A, LayoutIndex.parse(index.write()).resolve(Tag.of("t")).orElseThrow());
        assertTrue(index.write().startsWith("{\"schemaVersion\": 2,\"manifests\":[{"));
        assertThrows(IllegalArgumentException.class, () -> LayoutIndex.parse("{\"manifests\": {}}"));
    }

    @Test
    public void operations_on10000TagsOfOneImage_visitEachDescriptorAConstantNumberOfTimes() {
        int n = 10_000;
        StringBuilder text = new StringBuilder("{\"schemaVersion\":2,\"manifests\":[");
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Tag t = Tag.of("2016.08.24T17.13.38Z.5ad95f2-ecs-demo-" + i);
            tags.add(t);
            text.append(i == 0 ? "" : ",").append(desc(A, t.value()));
        }
        text.append(",").append(desc(B, "testing")).append("]}");
        LayoutIndex index = LayoutIndex.parse(text.toString());
        AtomicLong predicateCalls = new AtomicLong();
        AtomicLong comparisons = new AtomicLong();
        Map<Tag, Image> images = index.imagesOf(tags, t -> predicateCalls.incrementAndGet() > 0,
                Comparator.comparing((Tag t) -> {
                    comparisons.incrementAndGet();
                    return t.value();
                }));
        assertEquals(n, images.size());
        assertEquals(n, images.get(tags.get(0)).tags().size());
        for (Tag t : tags) {
            index.resolve(t);
        }
        assertEquals(n, index.tagsOf(A).size());
        assertTrue(index.setTag(Tag.of("testing"), A, MT, 7));
        assertFalse(index.setTag(Tag.of("testing"), A, MT, 7));
        // Quadratic code would count around n * n = 10^8 here.
        assertTrue("predicate calls " + predicateCalls, predicateCalls.get() <= n);
        assertTrue("comparisons " + comparisons, comparisons.get() <= 2L * n * 20);
        assertTrue("descriptor visits " + index.steps, index.steps <= 10L * n);
    }
}
