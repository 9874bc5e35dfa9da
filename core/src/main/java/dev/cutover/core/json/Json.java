package dev.cutover.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cutover.core.CutoverException;
import dev.cutover.core.model.Inventory;
import dev.cutover.core.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The stable JSON forms of DESIGN.md ("Machine-readable output"): the resource list ({@code state},
 * {@code inventory}; also the snapshot format {@code snapshot:PATH} reads) and, through {@link
 * #write(Object)}, reports. Keys of maps are sorted and output is indented, so files diff well.
 */
public final class Json {

  /**
   * Schema version of the resource list; reports carry their own, {@link
   * dev.cutover.core.compare.Report#SCHEMA_VERSION}.
   */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  /** The shared mapper (configured as above). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The document {@code {"schemaVersion": 1, "resources": [...]}}. */
  @JsonPropertyOrder({"schemaVersion", "resources"})
  public record ResourceList(
      @JsonProperty("schemaVersion") Integer schemaVersion,
      @JsonProperty("resources") List<Resource> resources) {}

  /** Writes any value as indented JSON with a trailing newline. */
  public static String write(Object value) {
    try {
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      return MAPPER.writer(printer).writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** The resource-list document of an inventory. */
  public static String writeInventory(Inventory inventory) {
    return write(new ResourceList(SCHEMA_VERSION, inventory.resources()));
  }

  /**
   * Reads a snapshot (a resource list written by {@code inventory --format json} or {@code state
   * --format json}).
   *
   * @throws CutoverException naming the file if it is missing, malformed, of another schema version
   */
  public static Inventory readSnapshot(Path file) {
    ResourceList list;
    try {
      list = MAPPER.readValue(Files.readAllBytes(file), ResourceList.class);
    } catch (NoSuchFileException e) {
      throw new CutoverException(file + ": no such snapshot file");
    } catch (JsonProcessingException e) {
      throw new CutoverException(
          file
              + ": not a cutover snapshot: "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"),
          "write one with 'cutover inventory ... --format json --out FILE'",
          false,
          e);
    } catch (IOException e) {
      throw new CutoverException(file + ": cannot read snapshot: " + e.getMessage(), e);
    } catch (CutoverException e) {
      throw new CutoverException(file + ": " + e.getMessage(), e);
    }
    if (list == null || list.schemaVersion() == null || list.resources() == null) {
      throw new CutoverException(
          file
              + ": not a cutover snapshot (expected {\"schemaVersion\": 1, \"resources\": [...]})");
    }
    if (list.schemaVersion() != SCHEMA_VERSION) {
      throw new CutoverException(
          file
              + ": snapshot schemaVersion "
              + list.schemaVersion()
              + " is not supported (expected "
              + SCHEMA_VERSION
              + ")");
    }
    return new Inventory("snapshot:" + file, list.resources());
  }
}
