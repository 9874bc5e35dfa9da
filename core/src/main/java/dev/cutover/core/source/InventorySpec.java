package dev.cutover.core.source;

import dev.cutover.core.CutoverException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one side of a comparison comes from, in the form the command line and {@code cutover.yaml}
 * write it:
 *
 * <ul>
 *   <li>{@code state:PATH}: a Terraform state file (format 4 or {@code terraform show -json})
 *   <li>{@code snapshot:PATH}: a resource list written by {@code inventory --format json}
 *   <li>{@code CLOUD:LOCATION}: a live cloud, read through the provider with that id; {@code
 *       aws:REGION} ({@code aws:us-east-1}) or {@code azure:SUBSCRIPTION[/RESOURCE_GROUP]}. The
 *       provider validates the location.
 * </ul>
 *
 * @param type which of the three
 * @param cloud the provider id for {@link Type#LIVE}; null otherwise
 * @param location the provider's location for {@link Type#LIVE}; null otherwise
 * @param path the file for {@link Type#STATE} and {@link Type#SNAPSHOT}; null otherwise
 */
public record InventorySpec(Type type, String cloud, String location, Path path) {

  /** The forms accepted, for messages. */
  public static final String FORMS = "state:PATH, snapshot:PATH, aws:REGION or azure:SUB[/RG]";

  private static final Pattern CLOUD_ID = Pattern.compile("[a-z][a-z0-9-]*");

  /** The three kinds of source. */
  public enum Type {
    STATE,
    SNAPSHOT,
    LIVE
  }

  public InventorySpec {
    Objects.requireNonNull(type, "type");
    if (type == Type.LIVE) {
      Objects.requireNonNull(cloud, "cloud");
      Objects.requireNonNull(location, "location");
    } else {
      Objects.requireNonNull(path, "path");
    }
  }

  /** A Terraform state file. */
  public static InventorySpec state(Path path) {
    return new InventorySpec(Type.STATE, null, null, path);
  }

  /** A snapshot file. */
  public static InventorySpec snapshot(Path path) {
    return new InventorySpec(Type.SNAPSHOT, null, null, path);
  }

  /** A live cloud location. */
  public static InventorySpec live(String cloud, String location) {
    return new InventorySpec(Type.LIVE, cloud, location, null);
  }

  /**
   * Parses {@code state:PATH}, {@code snapshot:PATH} or {@code CLOUD:LOCATION}; relative paths stay
   * relative (to the working directory).
   *
   * @param what names the option or field the text came from, for messages ({@code --source})
   * @throws CutoverException for text without a {@code prefix:}, an empty path or location, or a
   *     prefix that is not a cloud id
   */
  public static InventorySpec parse(String what, String text) {
    return parse(what, text, null);
  }

  /**
   * As {@link #parse(String, String)}, with relative {@code state:}/{@code snapshot:} paths
   * resolved against {@code base} (the directory of {@code cutover.yaml}); null keeps them as
   * given.
   */
  public static InventorySpec parse(String what, String text, Path base) {
    String trimmed = text == null ? "" : text.trim();
    int colon = trimmed.indexOf(':');
    if (colon <= 0 || colon == trimmed.length() - 1) {
      throw malformed(what, trimmed);
    }
    String prefix = trimmed.substring(0, colon);
    String rest = trimmed.substring(colon + 1).trim();
    if (rest.isEmpty()) {
      throw malformed(what, trimmed);
    }
    switch (prefix) {
      case "state":
        return state(resolve(base, rest));
      case "snapshot":
        return snapshot(resolve(base, rest));
      default:
        if (!CLOUD_ID.matcher(prefix).matches()) {
          throw malformed(what, trimmed);
        }
        return live(prefix, rest);
    }
  }

  /**
   * This spec, which must name a live cloud.
   *
   * @throws CutoverException if it names a file
   */
  public InventorySpec requireLive(String what) {
    if (type != Type.LIVE) {
      throw new CutoverException(
          what + " '" + this + "': expected a live cloud, aws:REGION or azure:SUB[/RG]");
    }
    return this;
  }

  /** The spec as it is written: {@code state:PATH}, {@code aws:us-east-1}. */
  @Override
  public String toString() {
    return switch (type) {
      case STATE -> "state:" + path;
      case SNAPSHOT -> "snapshot:" + path;
      case LIVE -> cloud + ":" + location;
    };
  }

  private static Path resolve(Path base, String path) {
    return base == null ? Path.of(path) : base.resolve(path).normalize();
  }

  private static CutoverException malformed(String what, String text) {
    return new CutoverException(what + " '" + text + "': expected " + FORMS);
  }
}
