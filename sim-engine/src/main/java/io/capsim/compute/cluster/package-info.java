/**
 * Azure ML compute clusters, job-driven autoscaling on a node pool, and attached pools (a cluster
 * whose nodes all exist).
 */
@NullMarked
package io.capsim.compute.cluster;

import org.jspecify.annotations.NullMarked;
