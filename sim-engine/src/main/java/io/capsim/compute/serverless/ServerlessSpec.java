package io.capsim.compute.serverless;

import io.capsim.engine.random.Distribution;

/**
 * Azure ML serverless compute for one {@code instance_type}: every job gets its own nodes,
 * provisioned for it and billed from the start of provisioning to the end of the job; nothing is
 * billed between jobs. Jobs wait, first in first out, while the quota is in use.
 *
 * @param startupSeconds from submission to the job's nodes running it. The default, uniform 1 to 3
 *     minutes, is an assumption (Azure documents no figure); set it from your own measurements
 */
public record ServerlessSpec(String name, String instanceType, Distribution startupSeconds) {
  public static final Distribution DEFAULT_STARTUP_SECONDS = Distribution.uniform(60, 180);

  public static ServerlessSpec defaults(String name, String instanceType) {
    return new ServerlessSpec(name, instanceType, DEFAULT_STARTUP_SECONDS);
  }
}
