package dev.cutover.core.compare;

import dev.cutover.core.model.Database;
import java.util.Locale;
import java.util.Objects;

/**
 * Parity of two databases: engine and major version, capacity, storage, HA, backup retention,
 * encryption, public access and TLS. Values a side does not report are not compared.
 */
final class DatabaseParity {

  private final Database source;
  private final Database target;
  private final Findings.Pair pair;

  private DatabaseParity(Database source, Database target, Findings out) {
    this.source = source;
    this.target = target;
    this.pair = out.about(source, target);
  }

  static void compare(Database source, Database target, Findings out) {
    new DatabaseParity(source, target, out).run();
  }

  /**
   * The canonical engine ({@code postgres}, {@code mysql}, ...; mappers emit families), lower case.
   */
  static String engine(String engine) {
    return engine == null ? null : engine.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The major version as the engine numbers it: PostgreSQL 10+ the first number ({@code 15.4} is
   * 15), PostgreSQL 9 the first two ({@code 9.6}), MySQL and MariaDB the first two ({@code 8.0},
   * {@code 10.6}), others the first number. Sources: <a
   * href="https://www.postgresql.org/support/versioning/">PostgreSQL versioning policy</a>, <a
   * href="https://dev.mysql.com/doc/refman/8.0/en/which-version.html">MySQL release series</a>.
   */
  static String majorVersion(String engine, String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    String[] parts = version.trim().split("\\.");
    String family = engine(engine);
    boolean twoParts =
        "mysql".equals(family)
            || "mariadb".equals(family)
            || ("postgres".equals(family)
                && parts[0].matches("\\d+")
                && Integer.parseInt(parts[0]) < 10);
    return twoParts && parts.length > 1 ? parts[0] + "." + parts[1] : parts[0];
  }

  private void run() {
    engineVersion();
    atLeast(
        "vcpus",
        source.vcpus(),
        target.vcpus(),
        Rules.DB_CAPACITY,
        "vCPUs",
        "a larger class or SKU");
    atLeast(
        "memoryGiB",
        source.memoryGiB(),
        target.memoryGiB(),
        Rules.DB_CAPACITY,
        "GiB of memory",
        "a larger class or SKU");
    atLeast(
        "storageGiB",
        source.storageGiB(),
        target.storageGiB(),
        Rules.DB_STORAGE,
        "GiB of storage",
        "more allocated storage");
    if (Boolean.TRUE.equals(source.highAvailability())
        && Boolean.FALSE.equals(target.highAvailability())) {
      pair.changed(Rules.DB_HIGH_AVAILABILITY)
          .attribute("highAvailability")
          .values(true, false)
          .fix("enable zone-redundant high availability on the target")
          .add("source is highly available (Multi-AZ); target is not");
    }
    atLeast(
        "backupRetentionDays",
        source.backupRetentionDays(),
        target.backupRetentionDays(),
        Rules.DB_BACKUP_RETENTION,
        "days of backup retention",
        "a longer backup retention");
    required(
        "storageEncrypted",
        source.storageEncrypted(),
        target.storageEncrypted(),
        Rules.DB_ENCRYPTION,
        "encrypt the target's storage (it cannot be enabled in place: restore into an encrypted"
            + " server)",
        "target storage is not encrypted at rest",
        "; the source's is",
        "; neither is the source's");
    required(
        "tlsEnforced",
        source.tlsEnforced(),
        target.tlsEnforced(),
        Rules.DB_TLS,
        "require TLS on the target (PostgreSQL require_secure_transport=on, Azure SQL minimal"
            + " TLS version)",
        "target does not require TLS",
        "; the source does",
        "; neither does the source");
    publicAccess();
  }

  private void engineVersion() {
    String se = engine(source.engine());
    String te = engine(target.engine());
    if (se != null && te != null && !se.equals(te)) {
      pair.changed(Rules.DB_ENGINE_VERSION)
          .attribute("engine")
          .values(source.engine(), target.engine())
          .fix("build the target with " + se)
          .add("source engine is " + se + ", target " + te);
      return;
    }
    String sv = majorVersion(source.engine(), source.engineVersion());
    String tv = majorVersion(target.engine(), target.engineVersion());
    if (sv != null && tv != null && !sv.equals(tv)) {
      pair.changed(Rules.DB_ENGINE_VERSION)
          .attribute("engineVersion")
          .values(source.engineVersion(), target.engineVersion())
          .fix("build the target with " + Objects.toString(se, "the engine") + " " + sv)
          .add(
              "source runs "
                  + Objects.toString(se, "")
                  + " "
                  + sv
                  + ", target "
                  + tv
                  + ": major versions differ");
    }
  }

  private void atLeast(
      String attribute, Number s, Number t, Rule rule, String unit, String remedy) {
    if (s == null || t == null || t.doubleValue() >= s.doubleValue()) {
      return;
    }
    pair.changed(rule)
        .attribute(attribute)
        .values(s, t)
        .fix("give the target " + remedy + " (at least " + Values.text(s) + " " + unit + ")")
        .add(
            "target has "
                + Values.text(t)
                + " "
                + unit
                + ", source "
                + Values.text(s)
                + ": the target needs at least as many");
  }

  /** A property the target must have: high if the source has it, medium if neither does. */
  private void required(
      String attribute,
      Boolean s,
      Boolean t,
      Rule rule,
      String remedy,
      String problem,
      String sourceHasIt,
      String sourceLacksIt) {
    if (!Boolean.FALSE.equals(t)) {
      return;
    }
    boolean regression = Boolean.TRUE.equals(s);
    pair.changed(rule)
        .severity(regression ? Severity.HIGH : Severity.MEDIUM)
        .attribute(attribute)
        .values(s, t)
        .fix(remedy)
        .add(problem + (regression ? sourceHasIt : sourceLacksIt));
  }

  private void publicAccess() {
    Boolean s = source.publicAccess();
    Boolean t = target.publicAccess();
    if (s == null || t == null || s.equals(t)) {
      return;
    }
    pair.changed(Rules.DB_PUBLIC_ACCESS)
        .severity(t ? Severity.HIGH : Severity.LOW)
        .attribute("publicAccess")
        .values(s, t)
        .fix(
            t
                ? "disable public network access on the target (private endpoint or VNet"
                    + " integration)"
                : "nothing if every client is inside the network; else open a private path for them")
        .add(
            t
                ? "target accepts connections from the internet; source does not"
                : "target is private while the source is public: clients over the internet will"
                    + " not reach it");
  }
}
