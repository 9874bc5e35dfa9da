package dev.cutover.azure.canonical;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * vCPUs and memory of Azure database compute SKUs, from the maintained table {@code
 * azure-database-skus.csv} beside this class (PostgreSQL Flexible Server sizes and Azure SQL
 * Database vCore service objectives; each with its source page and the date it was compiled in the
 * file's header). A SKU the table does not list has no figures: {@link #lookup(String)} is empty,
 * never a guess. DTU service objectives ({@code S0}, {@code P2}) are not in the table.
 */
public final class AzureSkus {

  /** vCPUs and memory (GiB, as the source page gives it) of one SKU. */
  public record Sku(int vcpus, double memoryGiB) {}

  private static final String TABLE = "azure-database-skus.csv";

  /** Terraform's PostgreSQL Flexible {@code sku_name} tier prefix: {@code GP_Standard_D2ds_v4}. */
  private static final Pattern TIER_PREFIX =
      Pattern.compile("^(B|GP|MO)_(?=Standard_)", Pattern.CASE_INSENSITIVE);

  private static final Map<String, Sku> SKUS = load();

  private AzureSkus() {}

  /**
   * The figures of a SKU, matched case-insensitively: {@code Standard_D4ds_v5}, {@code
   * GP_Standard_D4ds_v5} (Terraform's tiered form), {@code GP_Gen5_2}.
   */
  public static Optional<Sku> lookup(String sku) {
    if (sku == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(SKUS.get(key(postgresSkuName(sku))));
  }

  /**
   * A PostgreSQL Flexible Server SKU as ARM names it: Terraform's {@code GP_Standard_D4s_v3}
   * becomes {@code Standard_D4s_v3}; other names are returned as given.
   */
  public static String postgresSkuName(String sku) {
    return sku == null ? null : TIER_PREFIX.matcher(sku.trim()).replaceFirst("");
  }

  private static String key(String sku) {
    return sku.trim().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Sku> load() {
    Map<String, Sku> skus = new TreeMap<>();
    try (InputStream in = AzureSkus.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException(TABLE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split(",");
        if (fields.length != 3) {
          throw new IllegalStateException(
              TABLE + " line " + number + ": expected sku,vcpus,memory_gib: " + line);
        }
        skus.put(
            key(fields[0]),
            new Sku(Integer.parseInt(fields[1].trim()), Double.parseDouble(fields[2].trim())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TABLE, e);
    }
    return skus;
  }
}
