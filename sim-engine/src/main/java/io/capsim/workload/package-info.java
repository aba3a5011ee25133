/**
 * Workloads: when jobs arrive, how long they run on which size, and the driver that submits them.
 */
@NullMarked
package io.capsim.workload;

import org.jspecify.annotations.NullMarked;
