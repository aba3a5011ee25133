package io.capsim.scenario;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a scenario was loaded from, as plain values: the file's name and bytes, the folder its
 * traces are relative to, and the replications and seed the run uses (the file's, or the command
 * line's). A runner that ships work to other machines sends this and loads it there; loading is a
 * pure function of these values, so every machine builds the same scenario.
 */
public final class ScenarioSource implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final byte[] yaml;
  private final String baseDirectory;
  private final int replications;
  private final long seed;

  ScenarioSource(String file, byte[] yaml, Path baseDirectory, int replications, long seed) {
    this.file = file;
    this.yaml = yaml.clone();
    this.baseDirectory = baseDirectory.toString();
    this.replications = replications;
    this.seed = seed;
  }

  /** The scenario these values describe, loaded again. */
  public Scenario load() {
    return ScenarioLoader.parse(file, yaml, Path.of(baseDirectory)).with(replications, seed);
  }

  ScenarioSource with(int newReplications, long newSeed) {
    return new ScenarioSource(file, yaml, Path.of(baseDirectory), newReplications, newSeed);
  }

  public String file() {
    return file;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScenarioSource s
        && file.equals(s.file)
        && Arrays.equals(yaml, s.yaml)
        && baseDirectory.equals(s.baseDirectory)
        && replications == s.replications
        && seed == s.seed;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(yaml) + Long.hashCode(seed) + replications;
  }

  @Override
  public String toString() {
    return file + " (" + yaml.length + " bytes, traces under " + baseDirectory + ")";
  }
}
