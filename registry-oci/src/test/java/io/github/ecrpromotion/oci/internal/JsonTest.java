package io.github.ecrpromotion.oci.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class JsonTest {
    @Test
    public void parse_deeplyNested_isRefusedWithoutStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage(), e.getMessage().contains("nesting depth"));
    }

    @Test
    public void parse_numberOfTwoMillionDigits_isRefused() {
        String tags = "{\"name\":\"app\",\"tags\":[" + "9".repeat(2_000_000) + "]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parseObject(tags));
        assertTrue(e.getMessage(), e.getMessage().contains("Number value length"));
    }

    @Test
    public void parse_hugeString_isRefused() {
        String token = "{\"token\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parseObject(token));
        assertTrue(e.getMessage(), e.getMessage().contains("String value length"));
    }

    @Test
    public void parseObject_repeatedKey_lastWinsAsInGo_butStrictRefusesIt() {
        assertEquals("b", Json.string(Json.parseObject("{\"k\":\"a\",\"k\":\"b\"}").get("k")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.parseObjectStrict("{\"k\":\"a\",\"k\":\"b\"}"));
        assertTrue(e.getMessage(), e.getMessage().contains("Duplicate field 'k'"));
    }

    @Test
    public void parse_trailingGarbageOrNotAnObject_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":\"\u0001\"}"));
    }

    @Test
    public void parse_keepsOrderAndTypes() {
        Map<String, Object> m = Json.parseObject("{\"z\":1,\"a\":[\"x\",true,null,1.5],\"s\":\"\\ud800\"}");
        assertEquals(List.of("z", "a", "s"), List.copyOf(m.keySet()));
        assertEquals(1L, m.get("z"));
        assertEquals(4, Json.list(m.get("a")).size());
        assertEquals("\ud800", m.get("s"));
    }
}
