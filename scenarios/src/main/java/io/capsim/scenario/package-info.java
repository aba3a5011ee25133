/**
 * Scenario files: YAML read with every node's place, validated all at once into a {@link
 * io.capsim.scenario.Scenario} whose problems read {@code file:line:col: path: what is wrong}.
 */
@NullMarked
package io.capsim.scenario;

import org.jspecify.annotations.NullMarked;
