package io.github.ecrpromotion.oci.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body read into memory up to a limit. A success answer over the limit fails as soon as its Content-Length shows
 * it, or as soon as the stream passes it (an endless chunked body ends there); an error answer is cut at the limit
 * instead, since only its first bytes are ever shown. HEAD answers carry no body whatever their Content-Length says.
 */
final class CappedBody {
    /** A success answer larger than its endpoint accepts. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final Limit limit;

        TooLarge(Limit limit) {
            super("larger than " + limit);
            this.limit = limit;
        }
    }

    /** How many bytes an endpoint reads, and what for (for the message). */
    record Limit(long bytes, String what) {
        static final Limit MANIFEST = new Limit(4L << 20, "a manifest (the distribution spec's limit)");
        static final Limit TAG_LIST = new Limit(8L << 20, "a tag list page");
        static final Limit TOKEN = new Limit(1L << 20, "a token answer");
        static final Limit ERROR = new Limit(64L << 10, "an error answer");

        @Override
        public String toString() {
            return (bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB") + ", the most read for " + what;
        }
    }

    private CappedBody() {
    }

    /**
     * Reads {@code in} (null: no body) for an answer of {@code status} with the given Content-Length (-1: none):
     * {@code limit} for a 2xx answer, {@link Limit#ERROR} (cut) for any other. Throws {@link TooLarge} before
     * reading when the declared length is already over, and as soon as the stream passes the limit.
     */
    static byte[] read(InputStream in, int status, long declared, Limit limit) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        boolean success = status / 100 == 2;
        Limit cap = success ? limit : Limit.ERROR;
        if (success && declared > cap.bytes()) {
            throw new TooLarge(cap);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (true) {
            int room = (int) Math.min(Integer.MAX_VALUE, cap.bytes() - buffer.size());
            // One byte more than the room: a body exactly at the limit is whole, one byte over is too large.
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, (long) room + 1));
            if (n < 0) {
                return buffer.toByteArray();
            }
            if (n > room) {
                if (success) {
                    throw new TooLarge(cap);
                }
                buffer.write(chunk, 0, room);
                return buffer.toByteArray();
            }
            buffer.write(chunk, 0, n);
        }
    }
}
