package dev.cutover.core.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lowest TLS version a load balancer TLS policy accepts, from the table {@code
 * tls-policies.csv} beside this class (AWS ELB security policies, Application Gateway predefined
 * policies; sources and date in the file), else from the version the name encodes.
 */
final class TlsPolicies {

  /** Policy name as listed to minimum version, in file order. */
  private static final Map<String, String> LISTED = load();

  /** The same, keyed by lower-case name. */
  private static final Map<String, String> TABLE = lowerCase(LISTED);

  /** {@code ELBSecurityPolicy-TLS13-1-2-...}, {@code -TLS-1-1-...}, {@code -FS-1-2-...}. */
  private static final Pattern ELB_NAME =
      Pattern.compile("^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-([0-3])-", Pattern.CASE_INSENSITIVE);

  /** {@code TLSv1_2}, {@code TLSv1.2} (Application Gateway custom policy minimum). */
  private static final Pattern TLS_TOKEN =
      Pattern.compile("TLSv?1[._]([0-3])", Pattern.CASE_INSENSITIVE);

  private TlsPolicies() {}

  /** The minimum TLS version ({@code 1.0} to {@code 1.3}) of a policy, or empty if unknown. */
  static Optional<String> minimumVersion(String policy) {
    if (policy == null || policy.isBlank()) {
      return Optional.empty();
    }
    String known = TABLE.get(policy.trim().toLowerCase(Locale.ROOT));
    if (known != null) {
      return Optional.of(known);
    }
    for (Pattern pattern : new Pattern[] {ELB_NAME, TLS_TOKEN}) {
      Matcher m = pattern.matcher(policy.trim());
      if (m.find()) {
        return Optional.of("1." + m.group(1));
      }
    }
    return Optional.empty();
  }

  /** The table as listed (name to minimum version). */
  static Map<String, String> table() {
    return LISTED;
  }

  private static Map<String, String> lowerCase(Map<String, String> listed) {
    Map<String, String> lower = new TreeMap<>();
    listed.forEach((name, version) -> lower.put(name.toLowerCase(Locale.ROOT), version));
    return lower;
  }

  private static Map<String, String> load() {
    Map<String, String> table = new LinkedHashMap<>();
    try (InputStream in = TlsPolicies.class.getResourceAsStream("tls-policies.csv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("name,")) {
          continue;
        }
        String[] cells = line.split(",");
        table.put(cells[0].trim(), cells[1].trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tls-policies.csv", e);
    }
    return Collections.unmodifiableMap(table);
  }
}
