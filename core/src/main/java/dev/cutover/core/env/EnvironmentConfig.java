package dev.cutover.core.env;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cutover.core.CutoverException;
import dev.cutover.core.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An environment's {@code cutover.yaml}: its two sides, how their resources pair, the policy, and
 * (later sections) the switch plan. Example:
 *
 * <pre>
 * name: staging
 * source:                        # blue
 *   live: aws:us-east-1
 *   state: aws/terraform.tfstate # relative to this file
 * target:                        # green
 *   live: azure:00000000-0000-0000-0000-000000000000/rg-staging
 *   state: azure/terraform.tfstate
 * pairs:                         # source resource: target resource (address, id or name)
 *   aws_security_group.web: azurerm_network_security_group.web
 * policy:
 *   failOn: [high, medium]
 * sandbox: sandbox               # mappings/ and __files/ of the emulated clouds (demo only)
 * switch:                        # the traffic switch plan, see SwitchConfig
 *   record: route53:Z0123456789ABCDEFGHIJ/www.example.com/A
 *   blue: aws
 *   green: azure
 * </pre>
 *
 * @param name the environment's name; defaults to its directory's name
 * @param source the source (blue) side
 * @param target the target (green) side
 * @param pairs explicit pairing, source reference to target reference; empty if none
 * @param policy which findings block; default {@link Policy#defaults()}
 * @param sandbox directory of sandbox mappings for this environment, relative; null if none
 * @param dir the directory holding {@code cutover.yaml} (set by {@link #load(Path)})
 * @param switchConfig the {@code switch:} section; null if none
 */
public record EnvironmentConfig(
    @JsonProperty("name") String name,
    @JsonProperty("source") SideConfig source,
    @JsonProperty("target") SideConfig target,
    @JsonProperty("pairs") Map<String, String> pairs,
    @JsonProperty("policy") Policy policy,
    @JsonProperty("sandbox") String sandbox,
    @JsonIgnore Path dir,
    @JsonProperty("switch") SwitchConfig switchConfig) {

  /** The file name looked for in an environment directory. */
  public static final String FILE_NAME = "cutover.yaml";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public EnvironmentConfig {
    pairs = pairs == null ? Map.of() : new LinkedHashMap<>(pairs);
    policy = policy == null ? Policy.defaults() : policy;
  }

  /** An environment without a {@code switch:} section. */
  public EnvironmentConfig(
      String name,
      SideConfig source,
      SideConfig target,
      Map<String, String> pairs,
      Policy policy,
      String sandbox,
      Path dir) {
    this(name, source, target, pairs, policy, sandbox, dir, null);
  }

  /**
   * Reads {@code DIR/cutover.yaml} (or the file itself if a file is given).
   *
   * @throws CutoverException naming the file, the line and the field for a missing file, malformed
   *     YAML, an unknown field or a value of the wrong type
   */
  public static EnvironmentConfig load(Path dirOrFile) {
    Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE_NAME) : dirOrFile;
    Path dir = file.toAbsolutePath().getParent();
    EnvironmentConfig read;
    try {
      read = YAML.readValue(Files.readAllBytes(file), EnvironmentConfig.class);
    } catch (NoSuchFileException e) {
      throw new CutoverException(
          file + ": no such file", "an environment directory holds a " + FILE_NAME, false, null);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds() == null
              ? ""
              : "; known fields: "
                  + e.getKnownPropertyIds().stream()
                      .map(Object::toString)
                      .filter(f -> !f.equals("dir") && !f.equals("switchConfig"))
                      .sorted()
                      .collect(Collectors.joining(", "));
      throw new CutoverException(
          file + ":" + line(e) + " unknown field '" + e.getPropertyName() + "'" + known, e);
    } catch (JsonMappingException e) {
      throw new CutoverException(file + ":" + line(e) + " " + path(e) + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new CutoverException(
          file + ":" + line(e) + " malformed YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CutoverException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (read == null) {
      throw new CutoverException(file + ": empty file; expected source: and target: sections");
    }
    String name = read.name() != null ? read.name() : String.valueOf(dir.getFileName());
    return new EnvironmentConfig(
        name,
        read.source(),
        read.target(),
        read.pairs(),
        read.policy(),
        read.sandbox(),
        dir,
        read.switchConfig());
  }

  /**
   * The parity report of this environment: {@code cutover parity --env} saves its JSON report there
   * and the switch's {@code parity} gate reads it. {@code switch.parityReport}, else {@link
   * SwitchConfig#DEFAULT_PARITY_REPORT}, resolved against the environment directory.
   */
  public Path parityReport() {
    return resolve(
        switchConfig != null && switchConfig.parityReport() != null
            ? switchConfig.parityReport()
            : SwitchConfig.DEFAULT_PARITY_REPORT);
  }

  /** A path from this file, resolved against the environment directory. */
  public Path resolve(String relative) {
    return dir == null ? Path.of(relative) : dir.resolve(relative).normalize();
  }

  private static String line(JsonProcessingException e) {
    return e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":";
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "" : "field '" + path + "': ";
  }
}
