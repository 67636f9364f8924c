/**
 * The Pipeline steps: {@code ecrBuildTag}, {@code ecrPromote}, {@code ecrState}. Each is one {@code *Step} with its
 * {@code DescriptorImpl} and {@code Execution} (views and help in {@code resources/.../steps/<Step>/}), and a
 * {@code *StepLogic} that does the work without Jenkins.
 */
package io.jenkins.plugins.ecrpromotion.steps;
