/**
 * The discrete-event engine: simulated time in microseconds, the {@link
 * io.capsim.engine.EventCalendar} of pending events, and the {@link io.capsim.engine.Simulation}
 * run loop behind the {@link io.capsim.engine.Scheduler} that models see. No files, no YAML, no
 * charts.
 */
@NullMarked
package io.capsim.engine;

import org.jspecify.annotations.NullMarked;
