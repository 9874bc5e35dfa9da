package dev.cutover.core.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.core.CutoverException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads Terraform state, one resource instance at a time, so that a 100 MB state never becomes a
 * 100 MB tree: only the instance being handed over is held.
 *
 * <p>Two formats are read, told apart by their first fields:
 *
 * <ul>
 *   <li>state format version 4 ({@code terraform.tfstate}, {@code terraform state pull}; Terraform
 *       0.12 and later): {@code resources[].instances[]}, with {@code module}, {@code index_key},
 *       {@code deposed} and {@code sensitive_attributes} (Terraform's {@code states/statefile} v4
 *       format);
 *   <li>{@code terraform show -json} output ({@code format_version}): {@code
 *       values.root_module.resources[]} and nested {@code child_modules[]}, with {@code
 *       sensitive_values} (Terraform's "JSON Output Format" documentation).
 * </ul>
 *
 * <p>Data sources are skipped. State version 3 and older (Terraform 0.11 and earlier) are refused
 * with an upgrade hint. Sensitive values never leave this class: the paths named in {@code
 * sensitive_attributes}/{@code sensitive_values} and attributes whose names denote secrets ({@link
 * #isSecretAttribute(String)}) are removed before a {@link StateResource} is built.
 */
public final class StateReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /**
   * Attribute names that hold secrets in the aws and azurerm providers even when the state does not
   * mark them sensitive (older states, provider bugs): passwords, keys, tokens, connection strings.
   */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(^|_)(password|passwd|secret|private_key|access_key|secret_key|primary_key"
              + "|secondary_key|connection_string|token|sas|auth_key|master_key|api_key)(s)?($|_)",
          Pattern.CASE_INSENSITIVE);

  private StateReader() {}

  /**
   * Reads a state file and hands each managed resource instance of a wanted type to {@code sink},
   * in file order.
   *
   * @param file a v4 state or {@code terraform show -json} output
   * @param wantType which Terraform types to hand over (others are counted, then skipped unparsed)
   * @param sink receives each wanted instance
   * @return what the file held
   * @throws CutoverException naming the file for a missing or unreadable file, malformed JSON (with
   *     line and column), a JSON document that is not a state, or a state version other than 4
   */
  public static StateSummary read(
      Path file, Predicate<String> wantType, Consumer<StateResource> sink) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), wantType, sink);
    } catch (NoSuchFileException e) {
      throw new CutoverException(file + ": no such state file");
    } catch (IOException e) {
      throw new CutoverException(file + ": cannot read state file: " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #read(Path, Predicate, Consumer)}, from a stream (an S3 or blob state backend).
   *
   * @param source the name used in messages
   */
  public static StateSummary read(
      InputStream in, String source, Predicate<String> wantType, Consumer<StateResource> sink) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      return new Run(parser, source, wantType, sink).document();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new CutoverException(
          source + ": malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CutoverException(source + ": cannot read state: " + e.getMessage(), e);
    }
  }

  /** Reads every managed instance of every type into a list (for small states and tests). */
  public static List<StateResource> readAll(Path file) {
    List<StateResource> all = new ArrayList<>();
    read(file, type -> true, all::add);
    return all;
  }

  /** True if an attribute of this name holds a secret and is dropped whatever the state says. */
  public static boolean isSecretAttribute(String name) {
    return SECRET_NAME.matcher(name).find();
  }

  /** One pass over one document. */
  private static final class Run {
    private final JsonParser parser;
    private final String source;
    private final Predicate<String> wantType;
    private final Consumer<StateResource> sink;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private Integer version;
    private String formatVersion;
    private String terraformVersion;
    private Long serial;
    private String lineage;

    Run(
        JsonParser parser,
        String source,
        Predicate<String> wantType,
        Consumer<StateResource> sink) {
      this.parser = parser;
      this.source = source;
      this.wantType = wantType;
      this.sink = sink;
    }

    StateSummary document() throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw notState("expected a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "version" -> {
            version = value.isNumeric() ? parser.getIntValue() : null;
            checkVersion();
          }
          case "format_version" -> formatVersion = parser.getValueAsString();
          case "terraform_version" -> terraformVersion = parser.getValueAsString();
          case "serial" -> serial = value.isNumeric() ? parser.getLongValue() : null;
          case "lineage" -> lineage = parser.getValueAsString();
          case "modules" -> {
            // Only state format 3 and older have a top-level "modules" list.
            version = version == null ? 3 : version;
            checkVersion();
            parser.skipChildren();
          }
          case "resources" -> {
            expect(value, JsonToken.START_ARRAY, "resources");
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              v4Resource();
            }
          }
          case "values" -> showValues(value);
          default -> parser.skipChildren();
        }
      }
      if (version == null && formatVersion == null) {
        throw notState("no 'version' or 'format_version' field");
      }
      return new StateSummary(
          version != null ? "v4" : "show-json", terraformVersion, serial, lineage, counts);
    }

    private void checkVersion() {
      if (version == null) {
        throw notState("'version' is not a number");
      }
      if (version < 4) {
        throw new CutoverException(
            source
                + ": state format version "
                + version
                + " (Terraform 0.11 or older) is not supported",
            "upgrade the state with terraform >= 0.12 (terraform init && terraform apply"
                + " -refresh-only), or read it with 'terraform show -json'",
            false,
            null);
      }
      if (version > 4) {
        throw new CutoverException(
            source + ": state format version " + version + " is newer than this reader (4)");
      }
    }

    // --- state format v4 -------------------------------------------------------------------

    /** Reads one {@code resources[]} entry, handing over its instances as they stream past. */
    private void v4Resource() throws IOException {
      String module = null;
      String mode = null;
      String type = null;
      String name = null;
      String provider = null;
      List<JsonNode> early = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "module" -> module = parser.getValueAsString();
          case "mode" -> mode = parser.getValueAsString();
          case "type" -> type = parser.getValueAsString();
          case "name" -> name = parser.getValueAsString();
          case "provider" -> provider = parser.getValueAsString();
          case "instances" -> {
            expect(value, JsonToken.START_ARRAY, "instances");
            boolean known = type != null && mode != null && name != null;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              if (!known) {
                early.add(parser.readValueAsTree()); // fields out of the usual order: rare
              } else if (!"managed".equals(mode)) {
                parser.skipChildren();
              } else {
                count(type);
                if (wantType.test(type)) {
                  JsonNode instance = parser.readValueAsTree();
                  sink.accept(v4Instance(module, type, name, provider, instance));
                } else {
                  parser.skipChildren();
                }
              }
            }
          }
          default -> parser.skipChildren();
        }
      }
      if (type == null || name == null) {
        throw notState("a resource without 'type' or 'name'");
      }
      if (!"data".equals(mode)) {
        for (JsonNode instance : early) {
          count(type);
          if (wantType.test(type)) {
            sink.accept(v4Instance(module, type, name, provider, instance));
          }
        }
      }
    }

    private StateResource v4Instance(
        String module, String type, String name, String provider, JsonNode instance) {
      Object indexKey = indexKey(instance.get("index_key"));
      String deposed = instance.hasNonNull("deposed") ? instance.get("deposed").asText() : null;
      JsonNode attributes = instance.get("attributes");
      if (attributes == null && instance.has("attributes_flat")) {
        attributes = instance.get("attributes_flat");
      }
      Map<String, Object> values = attributes == null ? new LinkedHashMap<>() : toMap(attributes);
      JsonNode sensitivePaths = instance.get("sensitive_attributes");
      if (sensitivePaths != null && sensitivePaths.isArray()) {
        for (JsonNode path : sensitivePaths) {
          removePath(values, path);
        }
      }
      dropSecrets(values);
      return new StateResource(
          address(module, type, name, indexKey),
          module,
          type,
          name,
          indexKey,
          deposed,
          provider,
          values);
    }

    // --- terraform show -json ----------------------------------------------------------------

    private void showValues(JsonToken value) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        if (field.equals("root_module") && token == JsonToken.START_OBJECT) {
          showModule(null);
        } else {
          parser.skipChildren();
        }
      }
    }

    private void showModule(String moduleAddress) throws IOException {
      String address = moduleAddress;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        switch (field) {
          case "address" -> address = parser.getValueAsString();
          case "resources" -> {
            expect(token, JsonToken.START_ARRAY, "resources");
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              showResource(parser.readValueAsTree(), address);
            }
          }
          case "child_modules" -> {
            expect(token, JsonToken.START_ARRAY, "child_modules");
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              showModule(null);
            }
          }
          default -> parser.skipChildren();
        }
      }
    }

    private void showResource(JsonNode resource, String moduleAddress) {
      if (!"managed".equals(text(resource, "mode"))) {
        return;
      }
      String type = text(resource, "type");
      String name = text(resource, "name");
      if (type == null || name == null) {
        throw notState("a resource without 'type' or 'name'");
      }
      count(type);
      if (!wantType.test(type)) {
        return;
      }
      Object indexKey = indexKey(resource.get("index"));
      String address = text(resource, "address");
      String module = moduleAddress;
      if (module == null && address != null && address.startsWith("module.")) {
        module = address.substring(0, address.lastIndexOf(type + "." + name) - 1);
      }
      if (address == null) {
        address = address(module, type, name, indexKey);
      }
      String deposed = text(resource, "deposed_key");
      if (deposed == null) {
        deposed = text(resource, "deposed");
      }
      JsonNode valuesNode = resource.get("values");
      Map<String, Object> values = valuesNode == null ? new LinkedHashMap<>() : toMap(valuesNode);
      JsonNode sensitive = resource.get("sensitive_values");
      if (sensitive != null) {
        removeMarked(values, sensitive);
      }
      dropSecrets(values);
      sink.accept(
          new StateResource(
              address,
              module,
              type,
              name,
              indexKey,
              deposed,
              text(resource, "provider_name"),
              values));
    }

    // --- helpers -------------------------------------------------------------------------------

    private void count(String type) {
      counts.merge(type, 1, Integer::sum);
    }

    private void expect(JsonToken actual, JsonToken expected, String field) {
      if (actual != expected) {
        throw notState(
            "'"
                + field
                + "' should be "
                + (expected == JsonToken.START_ARRAY ? "a list" : "an object"));
      }
    }

    private CutoverException notState(String detail) {
      return new CutoverException(
          source + ": not a Terraform state (" + detail + ")",
          "pass a terraform.tfstate (format 4) or the output of 'terraform show -json'",
          false,
          null);
    }
  }

  /**
   * The Terraform address, e.g. {@code module.a.aws_subnet.app["x"]} or {@code aws_vpc.main[0]}.
   */
  static String address(String module, String type, String name, Object indexKey) {
    StringBuilder address = new StringBuilder();
    if (module != null && !module.isEmpty()) {
      address.append(module).append('.');
    }
    address.append(type).append('.').append(name);
    if (indexKey instanceof Number) {
      address.append('[').append(indexKey).append(']');
    } else if (indexKey != null) {
      address.append("[\"");
      address.append(indexKey.toString().replace("\\", "\\\\").replace("\"", "\\\""));
      address.append("\"]");
    }
    return address.toString();
  }

  /** An {@code index_key}: an Integer for count, a String for for_each, null if none. */
  private static Object indexKey(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isNumber() ? (Object) node.intValue() : node.asText();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /**
   * Converts a JSON object to plain Java values (Map, List, String, Long/Double, Boolean, null).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(JsonNode node) {
    Object value = MAPPER.convertValue(node, Object.class);
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : new LinkedHashMap<>();
  }

  /**
   * Removes the value at one {@code sensitive_attributes} path: a list of steps {@code
   * {"type":"get_attr","value":"password"}} or {@code {"type":"index","value":{"value":0,...}}}. An
   * element of a list is replaced by null so that the positions of the others hold.
   */
  @SuppressWarnings("unchecked")
  private static void removePath(Map<String, Object> root, JsonNode path) {
    if (!path.isArray() || path.isEmpty()) {
      return;
    }
    Object current = root;
    for (int i = 0; i < path.size(); i++) {
      Object key = stepKey(path.get(i));
      boolean last = i == path.size() - 1;
      if (current instanceof Map<?, ?> map) {
        if (last) {
          ((Map<String, Object>) map).remove(String.valueOf(key));
          return;
        }
        current = map.get(String.valueOf(key));
      } else if (current instanceof List<?> list && key instanceof Number n) {
        int index = n.intValue();
        if (index < 0 || index >= list.size()) {
          return;
        }
        if (last) {
          ((List<Object>) list).set(index, null);
          return;
        }
        current = list.get(index);
      } else {
        return;
      }
    }
  }

  private static Object stepKey(JsonNode step) {
    JsonNode value = step.get("value");
    if (value != null && value.isObject() && value.has("value")) {
      value = value.get("value"); // index steps carry a cty value: {"value": 0, "type": "number"}
    }
    if (value == null || value.isNull()) {
      return "";
    }
    return value.isNumber() ? (Object) value.intValue() : value.asText();
  }

  /** Removes what {@code sensitive_values} marks {@code true}, walking both trees together. */
  @SuppressWarnings("unchecked")
  private static void removeMarked(Object values, JsonNode marks) {
    if (values instanceof Map<?, ?> map && marks.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = marks.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> mark = fields.next();
        if (mark.getValue().isBoolean() && mark.getValue().booleanValue()) {
          ((Map<String, Object>) map).remove(mark.getKey());
        } else {
          removeMarked(map.get(mark.getKey()), mark.getValue());
        }
      }
    } else if (values instanceof List<?> list && marks.isArray()) {
      for (int i = 0; i < Math.min(list.size(), marks.size()); i++) {
        JsonNode mark = marks.get(i);
        if (mark.isBoolean() && mark.booleanValue()) {
          ((List<Object>) list).set(i, null);
        } else {
          removeMarked(list.get(i), mark);
        }
      }
    }
  }

  /** Removes, at any depth, attributes whose names denote secrets. */
  @SuppressWarnings("unchecked")
  private static void dropSecrets(Object value) {
    if (value instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).keySet().removeIf(StateReader::isSecretAttribute);
      map.values().forEach(StateReader::dropSecrets);
    } else if (value instanceof List<?> list) {
      list.forEach(StateReader::dropSecrets);
    }
  }
}
