package dev.cutover.aws.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The vCPUs and memory of RDS DB instance classes, from the maintained table {@code
 * rds-instance-classes.csv} beside this class (source: Amazon RDS User Guide, "Hardware
 * specifications for DB instance classes"; the file header gives the URL and the date it was read).
 * A class the table does not list has no entry: callers leave vCPU and memory null rather than
 * guess.
 */
public final class RdsInstanceClasses {

  /** The table file, on the class path beside this class. */
  static final String RESOURCE = "rds-instance-classes.csv";

  private static final Map<String, Spec> TABLE = load();

  private RdsInstanceClasses() {}

  /**
   * One class.
   *
   * @param vcpus virtual CPUs
   * @param memoryGiB memory in GiB
   */
  public record Spec(int vcpus, double memoryGiB) {}

  /** The class's vCPUs and memory; empty for an unknown class or null. */
  public static Optional<Spec> lookup(String instanceClass) {
    return instanceClass == null
        ? Optional.empty()
        : Optional.ofNullable(TABLE.get(instanceClass.trim().toLowerCase(Locale.ROOT)));
  }

  /** Number of classes in the table. */
  static int size() {
    return TABLE.size();
  }

  private static Map<String, Spec> load() {
    Map<String, Spec> table = new HashMap<>();
    try (InputStream in = RdsInstanceClasses.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        line = line.trim();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("class,")) {
          continue;
        }
        String[] cells = line.split(",");
        if (cells.length != 3) {
          throw new IllegalStateException(
              RESOURCE + " line " + number + ": expected class,vcpus,memory_gib");
        }
        table.put(
            cells[0].trim().toLowerCase(Locale.ROOT),
            new Spec(Integer.parseInt(cells[1].trim()), Double.parseDouble(cells[2].trim())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
    }
    return Collections.unmodifiableMap(table);
  }
}
