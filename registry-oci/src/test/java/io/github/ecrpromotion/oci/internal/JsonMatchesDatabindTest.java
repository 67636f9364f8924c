package io.github.ecrpromotion.oci.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * {@link Json} reads and writes with Jackson's streaming API since issue 10 (start-up cost); before, it used an
 * ObjectMapper configured as {@link #mapper} builds it. The two must agree on every value (classes and key order
 * included), every error message and every byte written.
 */
public class JsonMatchesDatabindTest {
    private static final ObjectMapper LENIENT = mapper(false);
    private static final ObjectMapper STRICT = mapper(true);

    /** Json's former configuration, verbatim. */
    private static ObjectMapper mapper(boolean strictKeys) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(Json.LIMITS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        JsonMapper.Builder b = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS);
        if (strictKeys) {
            b.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        return b.build();
    }

    private static final List<String> DOCUMENTS = List.of(
            "{}", "[]", "{\"a\":{}}", "{\"a\":[]}", "[[],{}]", "null", "true", "false", "\"s\"", "0", "-0", "1",
            "-1", "9223372036854775807", "-9223372036854775808", "1.0", "1.5e3", "-2E-7", "1e400", "0.1",
            "123456789012345678901234567890.5", " \n\t{ \"z\" : 1 , \"a\" : [ \"x\" , true , null , 1.5 ] } \n",
            "{\"k\":\"a\",\"x\":1,\"k\":\"b\"}", "{\"k\":1,\"k\":2}", "{\"a\":{\"k\":[1],\"k\":{\"k\":null,\"k\":3}}}",
            "{\"s\":\"\\ud800\",\"e\":\"\\u00e9\\n\\t\\\"\\\\\\/\",\"u\":\"\u00e9\u20ac\ud83d\ude00\"}",
            "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"digest\":\"sha256:" + "ab".repeat(32) + "\",\"size\":528,"
                    + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"testing\"}}]}",
            "[1,2.0,\"3\",[4],{\"5\":5}]",
            // Refused, each for its own reason; the messages must match too.
            "", "   ", "{", "[", "{\"a\"", "{\"a\":}", "{\"a\":1,}", "[1,]", "{a:1}", "{'a':1}", "[01]", "[1.]",
            "[NaN]", "[Infinity]", "[-]", "{\"a\":\"\u0001\"}", "\"unterminated", "{} x", "[] ]", "1 2", "}",
            "9223372036854775808", "-9223372036854775809", "[12345678901234567890]", "/* c */ {}", "{\"a\":tru}",
            "[" + "9".repeat(101) + "]", "[\"" + "a".repeat(4 * 1024 * 1024 + 1) + "\"]",
            "{\"" + "k".repeat(64 * 1024 + 1) + "\":1}", "[".repeat(65) + "]".repeat(65),
            "[".repeat(64) + "]".repeat(64));

    @Test
    public void parse_givesWhatObjectMapperGave_valuesAndErrors() {
        for (String doc : DOCUMENTS) {
            assertSame(doc, old(LENIENT, doc), now(doc, false));
            assertSame(doc, old(STRICT, doc), now(doc, true));
        }
    }

    @Test
    public void parse_trailingValue_isRefusedAsBefore_withoutNamingADatabindFeature() {
        for (String doc : List.of("{} {}", "[1] [2]", "1 \"x\"", "null null")) {
            String before = old(LENIENT, doc);
            String after = now(doc, false);
            assertTrue(before, before.startsWith("error: invalid JSON: Trailing token (of type "));
            // Same token type and location; the old text went on to name `DeserializationFeature`, gone with databind.
            String type = before.substring(0, before.indexOf(')') + 1);
            assertTrue(after, after.startsWith(type + " found after value at line 1, column "));
            assertEquals(before.substring(before.lastIndexOf(" at line ")), after.substring(after.lastIndexOf(" at line ")));
        }
    }

    @Test
    public void write_givesObjectMapperBytes() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "plain \u0000\u0001\u001f\b\f\n\r\t\"\\/ \u007f\u0080\u00e9\u2028\u20ac\ud83d\ude00 \ud800 \udc00");
        m.put("n", null);
        m.put("t", true);
        m.put("f", Boolean.FALSE);
        m.put("i", 7);
        m.put("l", Long.MIN_VALUE);
        m.put("sh", (short) -3);
        m.put("by", (byte) 9);
        m.put("bd", new BigDecimal("1.50"));
        m.put("bdExp", new BigDecimal("1E+400"));
        m.put("bi", new BigInteger("123456789012345678901234567890"));
        m.put("d", 0.1);
        m.put("dBig", 1e300);
        m.put("dNaN", Double.NaN);
        m.put("fl", 1.25f);
        m.put("empty", Map.of());
        m.put("list", new ArrayList<>(Arrays.asList(1, "two", null, List.of(), List.of(Map.of("k", "v")))));
        m.put("", "empty key");
        Map<Object, Object> nonStringKeys = new LinkedHashMap<>();
        nonStringKeys.put(1, "one");
        nonStringKeys.put(2L, "two");
        m.put("keys", nonStringKeys);
        for (Object v : List.of(m, List.of(), "x", 1L, List.of(m, m))) {
            assertEquals(LENIENT.writeValueAsString(v), Json.write(v));
        }
        for (String doc : DOCUMENTS) {
            Object parsed;
            try {
                parsed = LENIENT.readValue(doc, Object.class);
            } catch (IOException e) {
                continue;
            }
            assertEquals(doc, LENIENT.writeValueAsString(parsed), Json.write(parsed));
        }
    }

    @Test
    public void write_somethingNotJsonShaped_saysWhatItCannotWrite() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(null, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(m));
        assertEquals("cannot write java.util.LinkedHashMap as JSON", e.getMessage());
        assertNotNull(e.getCause());
    }

    private static void assertSame(String doc, String before, String after) {
        String shown = doc.length() > 80 ? doc.substring(0, 80) + "..." : doc;
        if (before.contains("Trailing token")) {
            return; // checked on its own above
        }
        assertEquals(shown, before, after);
    }

    private static String old(ObjectMapper mapper, String doc) {
        try {
            Object v = mapper.readValue(doc, Object.class);
            if (mapper == STRICT && !(v instanceof Map)) {
                return "error: expected a JSON object"; // parseObjectStrict's check, the same before and after
            }
            return describe(v);
        } catch (IOException e) {
            return "error: " + Json.invalid(e).getMessage();
        }
    }

    private static String now(String doc, boolean strict) {
        try {
            return describe(strict ? Json.parseObjectStrict(doc) : Json.parse(doc));
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    /** The value with every node's class and every object's key order, so equal texts mean equal values. */
    private static String describe(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder(v.getClass().getSimpleName()).append('{');
            m.forEach((k, x) -> b.append(describe(k)).append('=').append(describe(x)).append(';'));
            return b.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder(v.getClass().getSimpleName()).append('[');
            l.forEach(x -> b.append(describe(x)).append(';'));
            return b.append(']').toString();
        }
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }
}
