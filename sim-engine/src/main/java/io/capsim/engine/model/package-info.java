/**
 * Reference models whose answers theory knows, written on the engine as any model would be: the
 * M/M/c queue ({@link io.capsim.engine.model.MmcQueue}) and Erlang C's closed forms ({@link
 * io.capsim.engine.model.ErlangC}). The tests check the engine against them and the benchmarks time
 * them, so both use the same code.
 */
@NullMarked
package io.capsim.engine.model;

import org.jspecify.annotations.NullMarked;
