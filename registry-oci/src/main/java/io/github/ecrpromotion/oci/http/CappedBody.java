package io.github.ecrpromotion.oci.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body read into memory up to a limit. A success answer over the limit fails as soon as its Content-Length shows
 * it, or as soon as the stream passes it (an endless chunked body ends there); an error answer is cut at the limit
 * instead, since only its first bytes are ever shown. HEAD answers carry no body whatever their Content-Length says.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
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

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Limit limit;
    private final boolean cut;
    private final long declared;
    private Flow.Subscription subscription;

    private CappedBody(Limit limit, boolean cut, long declared) {
        this.limit = limit;
        this.cut = cut;
        this.declared = declared;
    }

    /** The handler for one request: {@code limit} for a 2xx answer, {@link Limit#ERROR} (cut) for any other. */
    static HttpResponse.BodyHandler<byte[]> handler(String method, Limit limit) {
        return info -> {
            if (method.equals("HEAD")) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            boolean success = info.statusCode() / 100 == 2;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new CappedBody(success ? limit : Limit.ERROR, !success, declared);
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (!cut && declared > limit.bytes()) {
            s.cancel();
            result.completeExceptionally(new TooLarge(limit));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int room = (int) Math.min(Integer.MAX_VALUE, limit.bytes() - buffer.size());
            if (b.remaining() > room) {
                subscription.cancel();
                if (cut) {
                    byte[] part = new byte[room];
                    b.get(part);
                    buffer.writeBytes(part);
                    result.complete(buffer.toByteArray());
                } else {
                    result.completeExceptionally(new TooLarge(limit));
                }
                return;
            }
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            buffer.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }
}
