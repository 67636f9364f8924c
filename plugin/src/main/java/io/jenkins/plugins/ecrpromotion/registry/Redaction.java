package io.jenkins.plugins.ecrpromotion.registry;

import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Masks known secret values in text before it reaches a build log or an exception message. The core never puts a
 * secret in a message; this guards against a registry echoing one back (an error body quoting the request).
 */
public final class Redaction {
    static final String MASK = "****";

    private final List<String> secrets;

    private Redaction(Collection<String> secrets) {
        List<String> list = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                list.add(s);
            }
        }
        // longest first, so a secret containing another is masked whole
        list.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(list);
    }

    public static Redaction of(Collection<String> secrets) {
        return new Redaction(secrets);
    }

    /** Every secret the options hold: the AWS secret key and session token, the registry and the proxy password. */
    public static Redaction of(RegistryOptions options) {
        List<String> s = new ArrayList<>();
        options.secretAccessKey().ifPresent(s::add);
        options.sessionToken().ifPresent(s::add);
        options.password().ifPresent(s::add);
        options.proxy().map(RegistryOptions.Proxy::password).ifPresent(s::add);
        return new Redaction(s);
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /**
     * A stream that masks the secrets in everything written to it, by any path ({@code print}, {@code println},
     * {@code format}, {@code write(int)}, {@code write(byte[], int, int)}), before it reaches {@code delegate}. A
     * secret split across writes is masked too: see {@link MaskingOutputStream}.
     */
    public PrintStream wrap(PrintStream delegate) {
        if (secrets.isEmpty()) {
            return delegate;
        }
        return new PrintStream(new MaskingOutputStream(delegate, secrets), true, StandardCharsets.UTF_8);
    }

    /**
     * Masks at the byte level (the UTF-8 bytes of each secret), so every write path of a PrintStream goes through it.
     * Text is passed on as soon as it is written, except a tail that could be the start of a secret: that tail waits
     * for the next write (which completes or rules out the secret), or {@link #close()}. Unlike a line buffer, a
     * partial line ("Promoting... ") still reaches the log at once, and {@code flush()} (called by an auto-flushing
     * PrintStream after every write) never lets the first half of a secret out.
     */
    static final class MaskingOutputStream extends OutputStream {
        private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.UTF_8);

        private final OutputStream delegate;
        private final List<byte[]> secrets;
        private byte[] pending = new byte[0];

        MaskingOutputStream(OutputStream delegate, List<String> secrets) {
            this.delegate = delegate;
            List<byte[]> bytes = new ArrayList<>();
            for (String s : secrets) { // already longest first
                bytes.add(s.getBytes(StandardCharsets.UTF_8));
            }
            this.secrets = List.copyOf(bytes);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            byte[] text = new byte[pending.length + len];
            System.arraycopy(pending, 0, text, 0, pending.length);
            System.arraycopy(b, off, text, pending.length, len);
            byte[] masked = mask(text);
            int keep = secretPrefixAtEnd(masked);
            delegate.write(masked, 0, masked.length - keep);
            pending = Arrays.copyOfRange(masked, masked.length - keep, masked.length);
        }

        /** Passes the written text on, but not a held-back tail that may be the first part of a secret. */
        @Override
        public synchronized void flush() throws IOException {
            delegate.flush();
        }

        /**
         * The masked writing ends: a held-back tail was not a secret after all, and is written. The delegate (a build
         * log Jenkins owns) is flushed, not closed.
         */
        @Override
        public synchronized void close() throws IOException {
            delegate.write(pending);
            pending = new byte[0];
            delegate.flush();
        }

        private byte[] mask(byte[] text) {
            byte[] out = text;
            for (byte[] secret : secrets) {
                out = replace(out, secret);
            }
            return out;
        }

        private static byte[] replace(byte[] text, byte[] secret) {
            ByteArrayOutputStream out = null;
            int from = 0;
            for (int i = indexOf(text, secret, 0); i >= 0; i = indexOf(text, secret, from)) {
                if (out == null) {
                    out = new ByteArrayOutputStream(text.length);
                }
                out.write(text, from, i - from);
                out.write(MASK_BYTES, 0, MASK_BYTES.length);
                from = i + secret.length;
            }
            if (out == null) {
                return text;
            }
            out.write(text, from, text.length - from);
            return out.toByteArray();
        }

        private static int indexOf(byte[] text, byte[] secret, int from) {
            outer:
            for (int i = from; i <= text.length - secret.length; i++) {
                for (int j = 0; j < secret.length; j++) {
                    if (text[i + j] != secret[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** The length of the longest end of {@code text} that is the start (not the whole) of some secret. */
        private int secretPrefixAtEnd(byte[] text) {
            int longest = 0;
            for (byte[] secret : secrets) {
                for (int k = Math.min(secret.length - 1, text.length); k > longest; k--) {
                    if (Arrays.equals(text, text.length - k, text.length, secret, 0, k)) {
                        longest = k;
                        break;
                    }
                }
            }
            return longest;
        }
    }
}
