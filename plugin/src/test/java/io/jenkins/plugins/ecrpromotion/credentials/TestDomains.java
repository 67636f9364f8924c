package io.jenkins.plugins.ecrpromotion.credentials;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mockito.MockedStatic;

/**
 * Stands in for the credentials plugin's {@link URIRequirementBuilder} (compile-only here): each URI gets its own
 * domain requirement object, so a test can check which registry's domain a look-up asked for.
 */
public final class TestDomains implements AutoCloseable {
    private final MockedStatic<URIRequirementBuilder> uris = mockStatic(URIRequirementBuilder.class);
    private final Map<String, List<DomainRequirement>> byUri = new ConcurrentHashMap<>();

    public TestDomains() {
        uris.when(() -> URIRequirementBuilder.fromUri(anyString())).thenAnswer(inv -> {
            List<DomainRequirement> domain = of(inv.getArgument(0, String.class));
            URIRequirementBuilder b = mock(URIRequirementBuilder.class);
            when(b.build()).thenReturn(domain);
            return b;
        });
    }

    /** The requirements the plugin gets for this URI. */
    public List<DomainRequirement> of(String uri) {
        return byUri.computeIfAbsent(uri, u -> List.of(new DomainRequirement()));
    }

    @Override
    public void close() {
        uris.close();
    }
}
