package io.github.ecrpromotion.oci.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.IOException;
import org.junit.Test;

/** What {@link Secrets} removes from registry text, and how it cleans and cuts it. */
public class SecretsTest {
    private static final RegistryOptions AWS = RegistryOptions.builder()
            .awsKeys("AKIAEXAMPLEKEYID0001", "secret/Key+Example", "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN").build();

    @Test
    public void scrub_removesAwsKeyIdSecretAndSessionToken() {
        Secrets s = Secrets.of(AWS);
        assertEquals("key **** secret **** token ****",
                s.scrub("key AKIAEXAMPLEKEYID0001 secret secret/Key+Example token IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN"));
    }

    @Test
    public void scrub_removesABearerTokenOnceFetched_beforeAShorterSecretInsideIt() {
        Secrets s = Secrets.of(RegistryOptions.builder().basicAuth("ci", "tok").build());
        s.add("eyJhbGciOiJSUzI1NiJ9.tok.sig");
        assertEquals("Bearer ****, password ****", s.scrub("Bearer eyJhbGciOiJSUzI1NiJ9.tok.sig, password tok"));
    }

    @Test
    public void scrub_ofAMessageWithoutSecrets_keepsTheSameException() {
        RegistryException e = new RegistryException(Reason.UNAVAILABLE, "Tried to x but failed because y",
                new IOException("reset"));
        assertSame(e, Secrets.of(AWS).scrub(e));
        RegistryException leaky = new RegistryException(Reason.AUTH, "echo AKIAEXAMPLEKEYID0001", e, false);
        RegistryException clean = Secrets.of(AWS).scrub(leaky);
        assertEquals("echo ****", clean.getMessage());
        assertSame(e, clean.getCause());
        assertEquals(Reason.AUTH, clean.reason());
    }

    @Test
    public void quote_escapesControlAndBidiCharacters_andCutsAfterScrubbing() {
        Secrets s = Secrets.of(RegistryOptions.builder().basicAuth("ci", "0123456789").build());
        assertEquals("a\\u001b[31mb\\u202ec", s.quote("a\u001b[31mb\u202ec", 200));
        // The secret straddles the cut: it is removed first, so no half of it is left.
        assertEquals("xxxx****y...", s.quote("xxxx0123456789yyyyyyyy", 9));
    }

    @Test
    public void scrub_removesTheCredentialsEchoedUrlEncodedOrJsonEscaped() {
        // Found by an independent attack: a registry or proxy that echoes the request URL-encoded
        // ("Authorization%3A%20Basic%20...%3D%3D") or as escaped JSON ("p@ss\/w+rd") showed the credentials.
        String password = "p@ss/w+rd-long";
        Secrets s = Secrets.of(RegistryOptions.builder().basicAuth("ci", password).build());
        String basic = java.util.Base64.getEncoder().encodeToString(("ci:" + password).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        String urlEncodedBasic = java.net.URLEncoder.encode(basic, java.nio.charset.StandardCharsets.UTF_8);
        String unpadded = basic.replaceAll("=+$", "");
        String out = s.scrub("header " + urlEncodedBasic + " pw " + java.net.URLEncoder.encode(password,
                java.nio.charset.StandardCharsets.UTF_8) + " json " + password.replace("/", "\\/"));
        org.junit.Assert.assertFalse(out, out.contains(unpadded.substring(0, unpadded.length() - 4)));
        org.junit.Assert.assertFalse(out, out.contains("p%40ss"));
        org.junit.Assert.assertFalse(out, out.contains("w+rd-long"));
    }

    @Test
    public void scrub_ofOurOwnMessage_withAOneLetterPassword_doesNotMaskEveryLetterAndSoSpellTheSecret() {
        // Found by an independent attack: a credential helper answered the password "s"; the message came out as
        // "Tried to li****t the tag**** of ... becau****e", which garbles the message and shows the password.
        Secrets s = Secrets.of(RegistryOptions.builder().basicAuth("u", "s").build());
        String text = "Tried to list the tags of 127.0.0.1:5000/app but failed because the registry rejected the "
                + "credentials of user 'u' (HTTP 401)";
        assertEquals(text, s.scrub(new RegistryException(Reason.AUTH, text)).getMessage());
    }
}
