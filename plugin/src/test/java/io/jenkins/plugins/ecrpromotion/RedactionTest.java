package io.jenkins.plugins.ecrpromotion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

public class RedactionTest {

    @Test
    public void apply_masksEverySecretOfTheOptions() {
        RegistryOptions o = RegistryOptions.builder().awsKeys("AKIA", "topsecret").basicAuth("u", "pw-123").build();
        assertEquals("key **** and ****", Redaction.of(o).apply("key topsecret and pw-123"));
    }

    @Test
    public void apply_masksTheLongerOfOverlappingSecretsWhole() {
        assertEquals("x **** y", Redaction.of(List.of("abc", "abcdef")).apply("x abcdef y"));
    }

    @Test
    public void wrap_masksPrintlnOfStringsAndObjects() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream raw = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream out = Redaction.of(List.of("hunter2")).wrap(raw);

        out.println("password hunter2");
        out.println(new StringBuilder("again hunter2"));
        out.print("and hunter2\n");

        assertEquals("password ****\nagain ****\nand ****\n", bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    public void wrap_withoutSecrets_returnsTheStreamItself() {
        PrintStream raw = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertSame(raw, Redaction.of(RegistryOptions.defaults()).wrap(raw));
    }
}
