/**
 * Job traces read into arrivals, one reader per format (Parallel Workloads Archive SWF, CSV,
 * Alibaba's GPU trace), each line checked and every line left out counted.
 */
@NullMarked
package io.capsim.scenario.trace;

import org.jspecify.annotations.NullMarked;
