/** The cost waterfall: the buckets every dollar of a compute's bill lands in, and their meters. */
@NullMarked
package io.capsim.cost;

import org.jspecify.annotations.NullMarked;
