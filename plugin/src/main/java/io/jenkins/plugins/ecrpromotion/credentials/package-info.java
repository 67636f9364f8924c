/**
 * Credentials and configuration: how a step's or a page's parameters, the step's AWS environment, the global
 * defaults and the credentials store become a registry target ({@code RegistryAccess}, {@code TargetResolver}), the
 * credentials drop-down ({@code CredentialsListing}) and the HTTP proxy.
 */
package io.jenkins.plugins.ecrpromotion.credentials;
