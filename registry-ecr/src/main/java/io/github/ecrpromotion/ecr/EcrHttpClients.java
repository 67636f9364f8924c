package io.github.ecrpromotion.ecr;

import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The SDK HTTP client for the ECR and STS clients, with our time limits and proxy.
 *
 * <p>Which one: the url-connection client when it is on the class path, else Apache. The CLI bundles the
 * url-connection client (JDK only, fast start-up, nothing else to carry). In Jenkins, the SDK comes from the
 * {@code aws-java-sdk2-core} library plugin, which provides the Apache, Netty and CRT clients but not the
 * url-connection one; Apache is the synchronous one of those. Choosing by the class path needs no setting that a
 * front end could get wrong, and each choice lives in its own nested class so that the other client's classes are
 * never loaded (nor needed) where they are absent.
 */
final class EcrHttpClients {
    /** The two clients we know how to configure. */
    enum Kind { URL_CONNECTION, APACHE }

    private static final String URL_CONNECTION_CLASS = "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";

    private EcrHttpClients() {
    }

    /** The url-connection client if this class loader sees it, else Apache (see the class comment for why). */
    static Kind onClassPath() {
        try {
            Class.forName(URL_CONNECTION_CLASS, false, EcrHttpClients.class.getClassLoader());
            return Kind.URL_CONNECTION;
        } catch (ClassNotFoundException | LinkageError e) {
            return Kind.APACHE;
        }
    }

    static SdkHttpClient build(Kind kind, RegistryOptions options) {
        return kind == Kind.APACHE ? Apache.build(options) : UrlConnection.build(options);
    }

    /**
     * The no-proxy hosts as the regular expressions both SDK clients match the (lower-cased) target host against:
     * {@code *} stands for any characters, everything else is literal, as in Jenkins' "No Proxy Host" list.
     */
    static Set<String> nonProxyHostPatterns(RegistryOptions.Proxy proxy) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String glob : proxy.noProxyHosts()) {
            String g = glob.trim().toLowerCase(Locale.ROOT);
            if (g.isEmpty()) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            List<String> parts = List.of(g.split("\\*", -1));
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                if (!parts.get(i).isEmpty()) {
                    regex.append(Pattern.quote(parts.get(i)));
                }
            }
            patterns.add(regex.toString());
        }
        return patterns;
    }

    private static URI endpoint(RegistryOptions.Proxy proxy) {
        return URI.create("http://" + (proxy.host().contains(":") ? "[" + proxy.host() + "]" : proxy.host()) + ":" + proxy.port());
    }

    /** Without a proxy in the options, both clients keep the SDK's default (JVM proxy properties, HTTPS_PROXY). */
    private static final class UrlConnection {
        static SdkHttpClient build(RegistryOptions options) {
            var b = software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()
                    .connectionTimeout(options.timeout())
                    .socketTimeout(options.timeout());
            options.proxy().ifPresent(p -> b.proxyConfiguration(
                    software.amazon.awssdk.http.urlconnection.ProxyConfiguration.builder()
                            .endpoint(endpoint(p))
                            .username(p.username())
                            .password(p.password())
                            .nonProxyHosts(nonProxyHostPatterns(p))
                            // the given proxy is the whole truth: no JVM properties or environment variables mixed in
                            .useSystemPropertyValues(false)
                            .useEnvironmentVariablesValues(false)
                            .build()));
            return b.build();
        }
    }

    private static final class Apache {
        static SdkHttpClient build(RegistryOptions options) {
            var b = software.amazon.awssdk.http.apache.ApacheHttpClient.builder()
                    .connectionTimeout(options.timeout())
                    .socketTimeout(options.timeout())
                    .connectionAcquisitionTimeout(options.timeout());
            // The proxy password goes to the proxy only: Apache scopes these credentials to the proxy's host and port
            // and sends them when the proxy answers 407.
            options.proxy().ifPresent(p -> b.proxyConfiguration(
                    software.amazon.awssdk.http.apache.ProxyConfiguration.builder()
                            .endpoint(endpoint(p))
                            .username(p.username())
                            .password(p.password())
                            .nonProxyHosts(nonProxyHostPatterns(p))
                            .useSystemPropertyValues(false)
                            .useEnvironmentVariableValues(false)
                            .build()));
            return b.build();
        }
    }
}
