package org.kohsuke.stapler;

/** Compile-only copy of the real {@code org.kohsuke.stapler.HttpResponses} signature (Stapler): factory of common responses. */
public class HttpResponses {
    /** Compile-only copy of the real {@code org.kohsuke.stapler.HttpResponses.HttpResponseException} signature. */
    public abstract static class HttpResponseException extends RuntimeException implements HttpResponse {
        private static final long serialVersionUID = 1L;

        public HttpResponseException() {
        }

        public HttpResponseException(String message) {
            super(message);
        }

        public HttpResponseException(String message, Throwable cause) {
            super(message, cause);
        }

        public HttpResponseException(Throwable cause) {
            super(cause);
        }
    }

    public static HttpResponseException ok() {
        throw new UnsupportedOperationException();
    }

    public static HttpResponseException notFound() {
        throw new UnsupportedOperationException();
    }

    public static HttpResponseException forbidden() {
        throw new UnsupportedOperationException();
    }

    public static HttpResponseException status(int code) {
        throw new UnsupportedOperationException();
    }

    public static HttpResponseException errorWithoutStack(int code, String errorMessage) {
        throw new UnsupportedOperationException();
    }

    public static HttpResponseException error(int code, String errorMessage) {
        throw new UnsupportedOperationException();
    }

    public static HttpResponse redirectToDot() {
        throw new UnsupportedOperationException();
    }

    public static HttpRedirect redirectTo(String url) {
        throw new UnsupportedOperationException();
    }

    public static HttpRedirect redirectTo(int statusCode, String url) {
        throw new UnsupportedOperationException();
    }

    public static HttpResponse text(String text) {
        throw new UnsupportedOperationException();
    }
}
