package io.jenkins.plugins.ecrpromotion.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
    public void apply_masksTheSessionTokenAndTheProxyPassword() {
        RegistryOptions o = RegistryOptions.builder().awsKeys("ASIA", "sk-1", "FwoGZXIvYXdzEB-token")
                .proxy(new RegistryOptions.Proxy("proxy.example", 3128, "jenkins", "proxy-pw", List.of())).build();
        assertEquals("token ****, proxy ****, key ****",
                Redaction.of(o).apply("token FwoGZXIvYXdzEB-token, proxy proxy-pw, key sk-1"));
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
    public void wrap_masksEveryWritePath() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = Redaction.of(List.of("hunter2")).wrap(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        byte[] raw = "write hunter2\n".getBytes(StandardCharsets.UTF_8);
        out.write(raw, 0, raw.length);
        for (byte b : "byte by byte hunter2\n".getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
        }
        out.println(new char[] {'h', 'u', 'n', 't', 'e', 'r', '2'});
        out.printf("format %s%n", "hunter2");
        out.append("append ").append("hunter2").append('\n');
        out.println((Object) "object hunter2");

        assertEquals("write ****\nbyte by byte ****\n****\nformat ****\nappend ****\nobject ****\n",
                text(bytes));
    }

    @Test
    public void wrap_masksASecretSplitAcrossWrites_andPassesOtherTextOnAtOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = Redaction.of(List.of("hunter2")).wrap(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        out.print("Promoting... ");
        assertEquals("a partial line is not held back", "Promoting... ", text(bytes));
        out.print("key hun");
        assertEquals("the start of a secret waits for what follows", "Promoting... key ", text(bytes));
        out.flush();
        assertEquals("flush does not let it out", "Promoting... key ", text(bytes));
        out.print("ter");
        out.println("2 done");
        out.print("hunt");
        out.println("ing is fine");

        assertEquals("Promoting... key **** done\nhunting is fine\n", text(bytes));
    }

    @Test
    public void wrap_masksMultiByteSecretsSplitInsideACharacter() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = Redaction.of(List.of("pässwörd")).wrap(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        byte[] line = "x pässwörd y\n".getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < line.length; cut++) {
            out.write(line, 0, cut);
            out.write(line, cut, line.length - cut);
        }
        assertEquals("x **** y\n".repeat(line.length - 1), text(bytes));
    }

    @Test
    public void close_writesAHeldBackTailThatWasNoSecret() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out;
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        out = Redaction.of(List.of("hunter2")).wrap(log);
        out.print("last word: hunt");
        out.close();
        assertEquals("last word: hunt", text(bytes));
        // The build log itself stays open for the rest of the build.
        log.print(" and more");
        assertFalse(log.checkError());
        assertEquals("last word: hunt and more", text(bytes));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    public void wrap_withoutSecrets_returnsTheStreamItself() {
        PrintStream raw = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertSame(raw, Redaction.of(RegistryOptions.defaults()).wrap(raw));
    }
}
