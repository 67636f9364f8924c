package io.github.ecrpromotion.core.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/** No-proxy host matching (Jenkins' wildcard list) and a proxy that never shows its password. */
public class RegistryOptionsProxyTest {
    private static RegistryOptions.Proxy proxy(String... noProxyHosts) {
        return new RegistryOptions.Proxy("proxy.corp", 3128, "alice", "s3cret", List.of(noProxyHosts));
    }

    @Test
    public void bypasses_matchesJenkinsStyleWildcards() {
        Object[][] table = {
                // pattern, host, bypassed
                {"registry.local", "registry.local", true},
                {"registry.local", "REGISTRY.Local", true},
                {"registry.local", "other.registry.local", false},
                {"*.example.com", "ecr.example.com", true},
                {"*.example.com", "a.b.example.com", true},
                {"*.example.com", "example.com", false},
                {"10.0.*", "10.0.3.4", true},
                {"10.0.*", "10.1.3.4", false},
                {"*internal*", "my-internal-host", true},
                {"127.0.0.1", "127.0.0.1", true},
                {"127.0.0.1", "127.0.0.10", false},
                {"*", "anything", true},
                {"  ", "anything", false},
                {"a*a", "a", false},
        };
        for (Object[] row : table) {
            assertEquals(row[0] + " vs " + row[1], row[2], proxy((String) row[0]).bypasses((String) row[1]));
        }
    }

    @Test
    public void bypasses_withoutNoProxyHosts_neverBypasses() {
        assertFalse(new RegistryOptions.Proxy("proxy.corp", 3128, null, null, null).bypasses("localhost"));
    }

    @Test
    public void toString_ofProxyAndOptions_neverShowsThePassword() {
        RegistryOptions.Proxy p = proxy("*.internal");
        assertFalse(p.toString(), p.toString().contains("s3cret"));
        assertTrue(p.toString(), p.toString().contains("proxy.corp:3128"));
        String options = RegistryOptions.builder().proxy(p).build().toString();
        assertFalse(options, options.contains("s3cret"));
    }

    @Test
    public void proxy_withoutHostOrWithBadPort_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RegistryOptions.Proxy(" ", 3128, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new RegistryOptions.Proxy("proxy", 0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new RegistryOptions.Proxy("proxy", 65536, null, null, null));
    }
}
