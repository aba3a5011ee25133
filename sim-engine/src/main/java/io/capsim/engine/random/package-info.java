/**
 * Named, seeded random streams (one per source of randomness, derived from seed, name and
 * replication) and the distributions drawn from them.
 */
@NullMarked
package io.capsim.engine.random;

import org.jspecify.annotations.NullMarked;
