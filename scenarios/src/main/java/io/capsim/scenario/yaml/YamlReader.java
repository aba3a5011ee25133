package io.capsim.scenario.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import io.capsim.scenario.yaml.YamlNode.YamlScalar;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a scenario's YAML into {@link YamlNode}s that remember their line and column. Hostile input
 * is refused quickly with a message: files over 1 MiB, binary or non-UTF-8 bytes, anchors and
 * aliases (which could multiply a small file into a huge tree), deep nesting and duplicate keys.
 */
public final class YamlReader {
  public static final int MAX_BYTES = 1 << 20;
  private static final int MAX_DEPTH = 32;

  private final String file;

  public YamlReader(String file) {
    this.file = file;
  }

  /** Parses {@code bytes}, or throws a {@link ScenarioException} naming the first problem. */
  public YamlNode read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw fail(
          0,
          0,
          "is " + bytes.length + " bytes; a scenario file may be at most " + MAX_BYTES + " bytes");
    }
    String text = decode(bytes);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(0);
    // The libraries' limits sit one level past ours, so that ours, with its place, fires first.
    options.setNestingDepthLimit(MAX_DEPTH + 1);
    options.setCodePointLimit(MAX_BYTES);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
            .build();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw fail(1, 1, "is empty; expected a scenario (a map with name, computes, workloads...)");
      }
      return value(parser, 0);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
      int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
      String message = e.getOriginalMessage();
      throw fail(
          line,
          column,
          message != null && message.startsWith("Expected a field name")
              ? "a key must be a name such as size, not a map or a list"
              : "is not valid YAML: " + summary(message));
    } catch (IOException e) {
      throw fail(0, 0, "could not be read: " + summary(Problem.reason(e)));
    }
  }

  private YamlNode value(JsonParser parser, int depth) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    YAMLParser yaml = (YAMLParser) parser;
    if (yaml.isCurrentAlias() || yaml.getObjectId() != null || yaml.getTypeId() != null) {
      throw fail(line, column, "anchors, aliases and tags are not supported");
    }
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> map(parser, line, column, depth + 1);
      case START_ARRAY -> list(parser, line, column, depth + 1);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.NUMBER);
      case VALUE_TRUE, VALUE_FALSE ->
          new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.BOOLEAN);
      case VALUE_NULL -> new YamlScalar(line, column, "", YamlScalar.Kind.NULL);
      case VALUE_STRING -> new YamlScalar(line, column, parser.getText(), YamlScalar.Kind.STRING);
      default -> throw fail(line, column, "unexpected YAML content (" + token + ")");
    };
  }

  private YamlMap map(JsonParser parser, int line, int column, int depth) throws IOException {
    checkDepth(depth, line, column);
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation keyAt = parser.currentTokenLocation();
      parser.nextToken();
      YamlNode value = value(parser, depth);
      if (entries.containsKey(key)) {
        throw fail(keyAt.getLineNr(), keyAt.getColumnNr(), "duplicate key \"" + key + "\"");
      }
      entries.put(key, new YamlMap.Entry(keyAt.getLineNr(), keyAt.getColumnNr(), value));
    }
    return new YamlMap(line, column, entries);
  }

  private YamlList list(JsonParser parser, int line, int column, int depth) throws IOException {
    checkDepth(depth, line, column);
    List<YamlNode> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(parser, depth));
    }
    return new YamlList(line, column, items);
  }

  private void checkDepth(int depth, int line, int column) {
    if (depth > MAX_DEPTH) {
      throw fail(line, column, "nests deeper than " + MAX_DEPTH + " levels");
    }
  }

  private String decode(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw fail(0, 0, "looks binary (a NUL byte at offset " + i + "); expected YAML text");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw fail(0, 0, "is not UTF-8 text");
    }
  }

  private ScenarioException fail(int line, int column, String message) {
    return new ScenarioException(List.of(new Problem(file, line, column, "", message)));
  }

  /** SnakeYAML's multi-line message without its own position lines and caret. */
  private static String summary(String message) {
    if (message == null) {
      return "unreadable";
    }
    String text =
        message
            .lines()
            .map(String::strip)
            .filter(
                l ->
                    !l.isEmpty()
                        && !l.startsWith("in '")
                        && !l.startsWith("^")
                        && !l.startsWith("at [Source"))
            .reduce((a, b) -> a + "; " + b)
            .orElse(message);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
