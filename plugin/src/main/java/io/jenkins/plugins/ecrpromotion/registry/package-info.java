/**
 * The seam to the core: a resolved {@code RegistryTarget} (repository, chain, options with secrets), core failures
 * turned into Jenkins messages ({@code Failures}) and secret masking for logs and pages ({@code Redaction}).
 */
package io.jenkins.plugins.ecrpromotion.registry;
