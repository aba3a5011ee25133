/**
 * A scenario file as YAML with places: every node keeps its line and column, so a problem is told
 * as {@code file:line:col: path: message}; the quantities (durations, rates) written in it.
 */
@NullMarked
package io.capsim.scenario.yaml;

import org.jspecify.annotations.NullMarked;
