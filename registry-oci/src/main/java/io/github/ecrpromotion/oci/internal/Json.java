package io.github.ecrpromotion.oci.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents the OCI backends read themselves (index.json, tag lists, token answers, Docker config.json,
 * error bodies), parsed by Jackson's streaming API within {@link #LIMITS}, so a hostile registry cannot exhaust the
 * stack (deep nesting), the CPU (a number of millions of digits) or the memory (one huge string). Internal to
 * registry-oci: not an API. Objects become {@link LinkedHashMap} (key order kept), arrays {@link ArrayList},
 * integers {@link Long} (an integer beyond a long is refused), other numbers {@link BigDecimal}: what Jackson's
 * ObjectMapper gave with USE_LONG_FOR_INTS and USE_BIG_DECIMAL_FOR_FLOATS, without loading databind (about 340
 * classes and a quarter of a second of CPU at every CLI start). Never used on manifests: those stay bytes.
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

    /** Like Go's encoding/json (docker, crane): a repeated key takes the last value. */
    private static final JsonFactory LENIENT = factory(false);
    /** For files we write back: a repeated key is refused, never silently collapsed. */
    private static final JsonFactory STRICT = factory(true);

    private Json() {
    }

    private static JsonFactory factory(boolean strictKeys) {
        return JsonFactory.builder()
                .streamReadConstraints(LIMITS)
                // Error text never quotes the document: a registry's body may hold a secret.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strictKeys)
                .build();
    }

    /**
     * A streaming parser with the same limits that lets keys repeat: for an editor that keeps the text it does not
     * read byte for byte and checks the keys it does read itself.
     */
    public static JsonParser parser(String text) throws IOException {
        return LENIENT.createParser(text);
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

    private static Object parse(JsonFactory factory, String text) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonParseException(p, "No content to map due to end-of-input", p.currentTokenLocation());
            }
            Object value = value(p, first);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonParseException(p, "Trailing token (of type " + trailing + ") found after value",
                        p.currentTokenLocation());
            }
            return value;
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** The value that starts at token {@code t}; recursion is bounded by the parser's nesting limit. */
    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(p, "Unexpected token (" + t + ")", p.currentTokenLocation());
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
        StringWriter out = new StringWriter();
        try (JsonGenerator g = LENIENT.createGenerator(out)) {
            write(g, value);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof BigDecimal n) {
            g.writeNumber(n);
        } else if (v instanceof BigInteger n) {
            g.writeNumber(n);
        } else if (v instanceof Double n) {
            g.writeNumber(n);
        } else if (v instanceof Float n) {
            g.writeNumber(n);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("a null key");
                }
                g.writeFieldName(e.getKey().toString());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object e : c) {
                write(g, e);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a Map, Collection, String, Number, Boolean or null: "
                    + v.getClass().getName());
        }
    }
}
