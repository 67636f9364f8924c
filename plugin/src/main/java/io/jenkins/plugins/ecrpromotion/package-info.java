/**
 * ECR Promotion for Jenkins. The plugin's rooms are its sub-packages:
 * <ul>
 * <li>{@code steps}: the Pipeline steps ({@code ecrBuildTag}, {@code ecrPromote}, {@code ecrState}), one
 *     {@code *Step} each with its plain-Java logic;
 * <li>{@code pages}: what Jenkins shows: the build page block, the job's Environments page, the build-history
 *     badges, their models, the page script's JSON and the one place every promote / roll-back click goes through;
 * <li>{@code credentials}: credentials lookup and the global configuration's defaults, resolved into a registry
 *     target;
 * <li>{@code registry}: the seam to the core (the resolved target, error messages, secret masking).
 * </ul>
 * This package keeps only what Jenkins stores by class name, so it must not move: the build action and its records
 * ({@link io.jenkins.plugins.ecrpromotion.EcrPromotionAction}, {@code ImageRecord}, {@code HistoryEntry},
 * {@code EcrParameters}) are written into every build.xml, the global configuration's file is named after
 * {@link io.jenkins.plugins.ecrpromotion.EcrPromotionConfiguration}, and the Promote permission's ID after
 * {@link io.jenkins.plugins.ecrpromotion.EcrPromotionPermissions}. (XStream compatibility aliases would let them
 * move, but {@code XStream2} extends XStream, which the compile-only API surface does not have.) Plus the shared
 * {@code Messages} and {@code TimeText}.
 */
package io.jenkins.plugins.ecrpromotion;
