/**
 * Azure ML compute instances: one node, several jobs at once, idle shutdown and start/stop
 * schedules.
 */
@NullMarked
package io.capsim.compute.instance;

import org.jspecify.annotations.NullMarked;
