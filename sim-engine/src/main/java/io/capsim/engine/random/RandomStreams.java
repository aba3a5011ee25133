package io.capsim.engine.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * The random streams of one run, each derived from (seed, stream name, replication) alone.
 *
 * <p>Derivation: the SHA-256 digest of the bytes {@code seed} (8 bytes, big-endian), {@code
 * replication} (4 bytes, big-endian), then the UTF-8 bytes of the name, read as four big-endian
 * {@code long}s, is the state of the stream's XoShiRo256++ generator. Since a stream's state
 * depends on nothing but those three values, adding, removing or reordering streams never changes
 * the numbers another stream produces, and the same (seed, name, replication) gives the same
 * numbers on every machine and thread. The digest spreads nearby seeds and similar names over
 * unrelated generator states.
 *
 * <p>Asking twice for a name returns the same stream object, so two parts of a model that share a
 * name share the draws. Not thread-safe: one per run.
 */
public final class RandomStreams {
  private final long seed;
  private final int replication;
  private final Map<String, RandomStream> streams = new HashMap<>();

  public RandomStreams(long seed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must be >= 0, was " + replication);
    }
    this.seed = seed;
    this.replication = replication;
  }

  public long seed() {
    return seed;
  }

  public int replication() {
    return replication;
  }

  /** The stream named {@code name} in this run, created on first use. */
  public RandomStream stream(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a random stream needs a non-empty name");
    }
    return streams.computeIfAbsent(name, n -> new RandomStream(n, seedFor(seed, n, replication)));
  }

  /** The generator state for (seed, name, replication), as documented on this class. */
  public static long[] seedFor(long seed, String name, int replication) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer input = ByteBuffer.allocate(Long.BYTES + Integer.BYTES + nameBytes.length);
    input.putLong(seed).putInt(replication).put(nameBytes);
    ByteBuffer digest = ByteBuffer.wrap(sha256().digest(input.array()));
    long[] words = new long[4];
    for (int i = 0; i < words.length; i++) {
      words[i] = digest.getLong();
    }
    return words;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
