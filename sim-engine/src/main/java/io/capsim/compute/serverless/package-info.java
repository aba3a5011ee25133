/** Azure ML serverless compute: nodes per job, billed from start-up to the end of the job. */
@NullMarked
package io.capsim.compute.serverless;

import org.jspecify.annotations.NullMarked;
