package io.github.ecrpromotion.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.InvalidInputException;
import io.github.ecrpromotion.core.PromotionRefusedException;
import io.github.ecrpromotion.core.PromotionRefusedException.Policy;
import io.github.ecrpromotion.core.registry.ImmutableTagException;
import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryException.Reason;
import io.github.ecrpromotion.core.registry.RegistryException.Remedy;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.Test;

/** Each kind of failure maps to its exit code and adds the fix in this tool's words. */
public class ErrorReporterTest {

    private static void expect(Throwable ex, int exit, String fix) {
        ErrorReporter.Report r = ErrorReporter.report(ex);
        assertEquals(ex.toString(), exit, r.exitCode());
        assertTrue(r.sentence(), r.sentence().contains(fix));
        assertTrue(r.sentence(), r.sentence().endsWith("."));
        assertTrue(r.sentence(), !r.sentence().contains("\n"));
    }

    @Test
    public void registryFailures_exit1WithTheirFix() {
        String m = "Tried to read testing from r.example.com/app but failed because x";
        expect(new RegistryException(Reason.AUTH, m), 1,
                "check --username/--password-stdin or the registry's entry in the Docker config");
        expect(new RegistryException(Reason.UNAVAILABLE, m), 1, "check the registry address and --timeout");
        expect(new RegistryException(Reason.NOT_FOUND, m), 1, "check the repository");
        expect(new RegistryException(Reason.CONFLICT, m), 1, "check the repository's settings");
        expect(new RegistryException(Reason.PROTOCOL, m), 1, "--debug");
    }

    private static RegistryException withRemedy(Reason reason, String message, Remedy remedy) {
        return new RegistryException(reason, message, null, false, remedy);
    }

    @Test
    public void credentialHelperFailures_namesTheHelperFix_notTheGenericAuthOne() {
        String m = "Tried to get the credentials for r.example.com from docker-credential-pass (credsStore in "
                + "/h/.docker/config.json) but failed because docker-credential-pass was not found on the PATH";
        expect(withRemedy(Reason.AUTH, m, Remedy.CREDENTIAL_HELPER), 1, "install or fix that credential helper");
        expect(withRemedy(Reason.AUTH, "worded otherwise", Remedy.CREDENTIAL_HELPER), 1,
                "remove it from credsStore/credHelpers");
        // Without the remedy the same words get the plain AUTH fix: the fix follows the backend's remedy, not its words.
        ErrorReporter.Report plain = ErrorReporter.report(new RegistryException(Reason.AUTH, m));
        assertFalse(plain.sentence(), plain.sentence().contains("credential helper"));
    }

    @Test
    public void awsCredentialFailures_nameTheAwsSources_notTheDockerOnes() {
        ErrorReporter.Report r = ErrorReporter.report(withRemedy(Reason.AUTH, "Tried to read testing from ECR but "
                + "failed because AWS refused the credentials", Remedy.AWS_CREDENTIALS));
        assertTrue(r.sentence(), r.sentence().contains("check the AWS credentials: the AWS_* environment variables"));
        assertFalse(r.sentence(), r.sentence().contains("--username"));
        ErrorReporter.Report plain = ErrorReporter.report(new RegistryException(Reason.AUTH, "Tried to x but failed"));
        assertFalse(plain.sentence(), plain.sentence().contains("AWS"));
    }

    @Test
    public void tlsFailures_nameOnlyTheOptionsThatHelp() {
        String m = "Tried to read testing from r.example.com/app but failed because x";
        expect(withRemedy(Reason.PROTOCOL, m, Remedy.TRUST_CA), 1,
                "--ca-cert FILE, or skip verification with --tls-verify=false");
        ErrorReporter.Report name = ErrorReporter.report(withRemedy(Reason.PROTOCOL, m, Remedy.CERTIFICATE_HOST));
        assertTrue(name.sentence(), name.sentence().contains("--tls-verify=false"));
        assertFalse(name.sentence(), name.sentence().contains("--ca-cert"));
        ErrorReporter.Report handshake = ErrorReporter.report(withRemedy(Reason.PROTOCOL, m, Remedy.CHECK_TLS));
        assertTrue(handshake.sentence(), handshake.sentence().contains("serves HTTPS at that address"));
        assertFalse(handshake.sentence(), handshake.sentence().contains("--plain-http"));
        expect(withRemedy(Reason.PROTOCOL, m, Remedy.USE_TLS), 1, "give --tls for a loopback host");
        // Every remedy has its fix (a new one without a fix would not compile in remedyFix's switch; this checks words).
        for (Remedy remedy : Remedy.values()) {
            assertFalse(remedy.name(), ErrorReporter.remedyFix(remedy).isBlank());
        }
    }

    @Test
    public void aRemedy_survivesRewording() {
        RegistryException e = withRemedy(Reason.PROTOCOL, "Tried to x but failed because y", Remedy.TRUST_CA);
        RegistryException again = e.withMessage(e.getMessage() + " (3 attempts)", null);
        assertEquals(java.util.Optional.of(Remedy.TRUST_CA), again.remedy());
        assertEquals(Reason.PROTOCOL, again.reason());
    }

    @Test
    public void refusals_exit3WithTheirFix() {
        String m = "Tried to promote but failed because y.";
        expect(new PromotionRefusedException(Policy.NOT_FROM_PREDECESSOR, m), 3,
                "because y; with this tool: 'promote to ENV REPO --build-tag TAG' or '--digest DIGEST'");
        expect(new PromotionRefusedException(Policy.SOURCE_MOVED, m), 3, "promote state REPO");
        expect(new PromotionRefusedException(Policy.LAST_TAG, m), 3, "promote tag REPO --source DIGEST --build-tag TAG");
        expect(new PromotionRefusedException(Policy.BUILD_TAG_TAKEN, m), 3, "promote build-tag");
        expect(new PromotionRefusedException(Policy.IMMUTABLE_TAG, m), 3, "IMMUTABLE_WITH_EXCLUSION");
    }

    @Test
    public void immutableTag_isARefusalNotARegistryFailure() {
        expect(new ImmutableTagException("Tried to point staging at d but failed because tags are immutable", null), 3,
                "IMMUTABLE_WITH_EXCLUSION");
        expect(new RegistryException(Reason.CONFLICT, "wrapped", new ImmutableTagException("inner", null)), 3,
                "IMMUTABLE_WITH_EXCLUSION");
    }

    @Test
    public void invalidInput_exits2WithTheCoreMessage() {
        expect(new InvalidInputException("Tried to read the tag 'x y' but failed because a tag must match z"), 2,
                "Tried to read the tag 'x y' but failed because a tag must match z.");
    }

    @Test
    public void ioAndUnexpectedErrors_exit1AndPointAtDebug() {
        expect(new UncheckedIOException(new IOException("disk full")), 1, "check the path and its permissions");
        expect(new IllegalStateException("boom"), 1, "unexpected IllegalStateException (boom); run again with --debug");
    }

    @Test
    public void withDebug_theSentenceDoesNotAskForDebug_andStatesItsFixOnce() {
        for (Exception ex : new Exception[] {new IllegalStateException("boom"),
            new io.github.ecrpromotion.core.registry.RegistryException(
                io.github.ecrpromotion.core.registry.RegistryException.Reason.PROTOCOL, "Tried to read x but failed because y")}) {
            String plain = ErrorReporter.report(ex, false).sentence();
            String debug = ErrorReporter.report(ex, true).sentence();
            assertTrue(plain, plain.contains("run again with --debug"));
            assertFalse(debug, debug.contains("--debug"));
            assertTrue(debug, debug.contains("stack trace below"));
            assertEquals(debug, debug.indexOf("; "), debug.lastIndexOf("; "));
        }
    }

    @Test
    public void aGenericFixFromTheBackend_isReplacedByTheToolsFix_notRepeated() {
        String sentence = ErrorReporter.report(new RegistryException(Reason.AUTH, "Tried to resolve testing in r/x but "
                + "failed because the registry rejected the request as unauthenticated (HTTP 401); check the credentials"))
                .sentence();
        assertEquals("Tried to resolve testing in r/x but failed because the registry rejected the request as "
                + "unauthenticated (HTTP 401); check --username/--password-stdin or the registry's entry in the Docker config.",
                sentence);
    }
}
