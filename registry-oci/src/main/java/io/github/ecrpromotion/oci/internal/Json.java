package io.github.ecrpromotion.oci.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents the OCI backends read themselves (index.json, tag lists, token answers, Docker config.json,
 * error bodies), parsed by Jackson within {@link #LIMITS}, so a hostile registry cannot exhaust the stack (deep
 * nesting), the CPU (a number of millions of digits) or the memory (one huge string). Internal to registry-oci:
 * not an API. Objects become {@link LinkedHashMap} (key order kept), arrays {@link List}, integers {@link Long} or
 * {@link java.math.BigInteger}, other numbers {@link java.math.BigDecimal}. Never used on manifests: those stay bytes.
 */
public final class Json {
    /**
     * Far above anything these documents need (index.json nests five deep, a tag name is at most 128 characters, a
     * size has at most 19 digits; a bearer token is a few kB) and far below what hurts.
     */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(100)
            .maxStringLength(4 * 1024 * 1024)
            .maxNameLength(64 * 1024)
            .build();

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            // Error text never quotes the document: a registry's body may hold a secret.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    /** Like Go's encoding/json (docker, crane): a repeated key takes the last value. */
    private static final ObjectMapper LENIENT = mapper(false);
    /** For files we write back: a repeated key is refused, never silently collapsed. */
    private static final ObjectMapper STRICT = mapper(true);

    private Json() {
    }

    private static ObjectMapper mapper(boolean strictKeys) {
        JsonMapper.Builder b = JsonMapper.builder(FACTORY.copy())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS);
        if (strictKeys) {
            b.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        return b.build();
    }

    /**
     * A streaming parser with the same limits that lets keys repeat: for an editor that keeps the text it does not
     * read byte for byte and checks the keys it does read itself.
     */
    public static JsonParser parser(String text) throws IOException {
        return LENIENT.getFactory().createParser(text);
    }

    /** Parses a whole document; throws {@link IllegalArgumentException} saying where and why on bad input. */
    public static Object parse(String text) {
        return parse(LENIENT, text);
    }

    /** Parses a document that must be an object; a repeated key keeps the last value. */
    public static Map<String, Object> parseObject(String text) {
        return asObject(parse(LENIENT, text));
    }

    /** Parses a document that must be an object and refuses a repeated key anywhere in it. */
    public static Map<String, Object> parseObjectStrict(String text) {
        return asObject(parse(STRICT, text));
    }

    private static Map<String, Object> asObject(Object v) {
        Map<String, Object> m = object(v);
        if (m == null) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return m;
    }

    private static Object parse(ObjectMapper mapper, String text) {
        try {
            return mapper.readValue(text, Object.class);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** What went wrong and where (line and column), without quoting the document. */
    public static IllegalArgumentException invalid(IOException e) {
        if (e instanceof JsonProcessingException j) {
            return new IllegalArgumentException("invalid JSON: " + j.getOriginalMessage() + location(j), e);
        }
        return new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    /** The value as an object, or null when it is not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object v) {
        return v instanceof Map ? (Map<String, Object>) v : null;
    }

    /** The value as a list, or an empty list when it is not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object v) {
        return v instanceof List ? (List<Object>) v : List.of();
    }

    /** The value as a string, or null when it is not one. */
    public static String string(Object v) {
        return v instanceof String s ? s : null;
    }

    /** Writes a value compactly (built from Map/List/String/Number/Boolean/null). */
    public static String write(Object value) {
        try {
            return LENIENT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
