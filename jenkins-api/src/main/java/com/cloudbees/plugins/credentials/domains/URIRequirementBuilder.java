package com.cloudbees.plugins.credentials.domains;

import java.util.List;

/**
 * Compile-only copy of the real {@code com.cloudbees.plugins.credentials.domains.URIRequirementBuilder} signature
 * (credentials 1502): the domain requirements of a URI (scheme, host, port, path), so a look-up finds only credentials
 * whose domain admits that host.
 * surface:partial (used, never extended by the plugin)
 */
public class URIRequirementBuilder {
    private URIRequirementBuilder() {
    }

    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException("compile-only surface");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("compile-only surface");
    }
}
