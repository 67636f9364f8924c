package io.github.ecrpromotion.testkit;

import io.github.ecrpromotion.core.image.Blob;
import io.github.ecrpromotion.core.image.SyntheticImage;
import io.github.ecrpromotion.core.registry.RawManifest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Stores images in a real registry with the plain distribution API, independently of the backend under test: blob
 * uploads ({@code POST .../blobs/uploads/}, then {@code PUT <Location>&digest=} with
 * {@code Content-Type: application/octet-stream}; distribution 2.8 reads other bodies as forms and answers 400
 * DIGEST_INVALID, and ignores a body on the POST), child manifests by digest, then the manifest under its tag.
 */
public final class SeedClient {
    private final URI base;
    private final Optional<String> authorization;
    private final HttpClient client;

    public SeedClient(URI base, Optional<String> authorization) {
        this(base, authorization, null);
    }

    /** Over HTTPS with this trust (null: the JDK's). */
    public SeedClient(URI base, Optional<String> authorization, javax.net.ssl.SSLContext ssl) {
        this.base = base;
        this.authorization = authorization;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.client = b.build();
    }

    /** Blobs first (children's too), then child manifests by digest, then the manifest under the tag. */
    public void push(String name, SyntheticImage image, String tag) throws IOException {
        for (Blob b : image.allBlobs()) {
            pushBlob(name, b.bytes());
        }
        pushChildren(name, image);
        putManifest(name, tag, image.manifest());
    }

    private void pushChildren(String name, SyntheticImage image) throws IOException {
        for (SyntheticImage child : image.children()) {
            pushChildren(name, child);
            putManifest(name, child.manifest().digest().toString(), child.manifest());
        }
    }

    public void pushBlob(String name, byte[] bytes) throws IOException {
        String digest = io.github.ecrpromotion.core.ref.Digest.sha256(bytes).toString();
        HttpResponse<String> head = send(request(base.resolve("/v2/" + name + "/blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (head.statusCode() == 200) {
            return;
        }
        HttpResponse<String> post = send(request(base.resolve("/v2/" + name + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(post, 202, "start a blob upload");
        // Location is absolute in 2.8 and already carries ?_state=..., so the digest is appended with '&'.
        String location = post.headers().firstValue("Location").orElseThrow(() -> new IOException("no Location"));
        URI upload = base.resolve(location);
        String sep = upload.toString().contains("?") ? "&" : "?";
        HttpResponse<String> put = send(request(URI.create(upload + sep + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        expect(put, 201, "finish the upload of " + digest);
    }

    public void putManifest(String name, String reference, RawManifest manifest) throws IOException {
        HttpResponse<String> put = send(request(base.resolve("/v2/" + name + "/manifests/" + reference))
                .header("Content-Type", manifest.mediaType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.bytes())));
        expect(put, 201, "put manifest " + reference);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        authorization.ifPresent(a -> b.header("Authorization", a));
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> r, int status, String what) throws IOException {
        if (r.statusCode() != status) {
            throw new IOException("Tried to " + what + " but failed because the registry answered " + r.statusCode()
                    + ": " + r.body());
        }
    }
}
