package io.capsim.compute.cluster;

import io.capsim.compute.InvalidSettingException;

/**
 * A fixed set of the user's own nodes attached to Azure ML: a virtual machine ({@code
 * virtualmachine}) or a Kubernetes cluster ({@code kubernetes}). Always billed, at the size's
 * pay-as-you-go price, whether busy or not.
 */
public record AttachedSpec(String name, Kind kind, String size, int nodes) {
  public enum Kind {
    VIRTUAL_MACHINE("virtualmachine"),
    KUBERNETES("kubernetes");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public AttachedSpec {
    if (nodes < 1) {
      throw InvalidSettingException.computeSentence(
          name, "instance_count", "an attached pool needs >= 1 node, was " + nodes);
    }
  }
}
