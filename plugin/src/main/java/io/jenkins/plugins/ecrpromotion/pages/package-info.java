/**
 * What Jenkins shows: the build page block and the build's ECR Promotion page (views of
 * {@code EcrPromotionAction}), the job's Environments page ({@link io.jenkins.plugins.ecrpromotion.pages.EnvironmentsAction}),
 * the build-history badges ({@link io.jenkins.plugins.ecrpromotion.pages.EnvironmentBadgeAction}), the models behind
 * them ({@code BuildPageModel}, {@code EnvironmentsPageModel}), the JSON their script renders ({@code LiveView}),
 * the cached live state ({@code LiveStates}) and {@link io.jenkins.plugins.ecrpromotion.pages.Clicks}, the one place
 * every promote / roll-back click goes through.
 */
package io.jenkins.plugins.ecrpromotion.pages;
