package dev.cutover.core.compare;

import static dev.cutover.core.compare.Canonical.AWS;
import static dev.cutover.core.compare.Canonical.AZURE;
import static dev.cutover.core.compare.Canonical.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cutover.core.model.Database;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each database rule, source → target and target → source. */
class DatabaseParityTest {

  /** RDS db.r6g.xlarge (4 vCPU, 32 GiB), Multi-AZ, 7 days of backups, private, TLS forced. */
  private static Database rds() {
    return new Database(
        meta(AWS, "arn:aws:rds:us-east-1:123456789012:db:orders", "orders"),
        "postgres",
        "15.4",
        "db.r6g.xlarge",
        4,
        32.0,
        256,
        true,
        7,
        true,
        false,
        true);
  }

  /** PostgreSQL Flexible Server Standard_D4ds_v5 (4 vCores, 16 GiB). */
  private static Database flex(
      String version,
      Integer vcpus,
      Double memory,
      Integer storage,
      Boolean ha,
      Integer backup,
      Boolean encrypted,
      Boolean publicAccess,
      Boolean tls) {
    return new Database(
        meta(
            AZURE,
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders",
            "orders"),
        "postgres",
        version,
        "Standard_D4ds_v5",
        vcpus,
        memory,
        storage,
        ha,
        backup,
        encrypted,
        publicAccess,
        tls);
  }

  private static Database equivalentFlex() {
    return flex("15", 4, 32.0, 256, true, 7, true, false, true);
  }

  private static List<Finding> compare(Database source, Database target) {
    Findings out = new Findings();
    DatabaseParity.compare(source, target, out);
    return out.list();
  }

  @Test
  void parity_sameMajorVersionAndCapacity_isClean_bothWays() {
    assertThat(compare(rds(), equivalentFlex())).isEmpty();
    assertThat(compare(equivalentFlex(), rds())).isEmpty();
  }

  @Test
  void engineVersion_otherMajor_isHighEitherWay() {
    assertThat(compare(rds(), flex("14", 4, 32.0, 256, true, 7, true, false, true)))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "db.engine-version",
                Severity.HIGH,
                "source runs postgres 15, target 14: major versions differ"));
    assertThat(compare(flex("16", 4, 32.0, 256, true, 7, true, false, true), rds()))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("db.engine-version", Severity.HIGH));
  }

  @Test
  void majorVersion_perEngineNumbering() {
    assertThat(DatabaseParity.majorVersion("postgres", "15.4")).isEqualTo("15");
    assertThat(DatabaseParity.majorVersion("postgres", "9.6.22")).isEqualTo("9.6");
    assertThat(DatabaseParity.majorVersion("mysql", "8.0.35")).isEqualTo("8.0");
    assertThat(DatabaseParity.majorVersion("mysql", "5.7.44")).isEqualTo("5.7");
    assertThat(DatabaseParity.majorVersion("sqlserver", "15.00.4073.23.v1")).isEqualTo("15");
  }

  @Test
  void capacity_smallerTargetMemoryIsHigh_largerTargetIsFine() {
    Database small = flex("15", 4, 16.0, 256, true, 7, true, false, true);

    assertThat(compare(rds(), small))
        .extracting(Finding::rule, Finding::severity, Finding::attribute, Finding::message)
        .containsExactly(
            tuple(
                "db.capacity",
                Severity.HIGH,
                "memoryGiB",
                "target has 16 GiB of memory, source 32: the target needs at least as many"));
    assertThat(compare(small, rds())).isEmpty();
  }

  @Test
  void storage_smallerTarget_isHigh_reverseClean() {
    Database small = flex("15", 4, 32.0, 128, true, 7, true, false, true);

    assertThat(compare(rds(), small))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("db.storage", Severity.HIGH));
    assertThat(compare(small, rds())).isEmpty();
  }

  @Test
  void highAvailability_lostInTarget_isHigh_gainedIsFine() {
    Database single = flex("15", 4, 32.0, 256, false, 7, true, false, true);

    assertThat(compare(rds(), single))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "db.high-availability",
                Severity.HIGH,
                "source is highly available (Multi-AZ); target is not"));
    assertThat(compare(single, rds())).isEmpty();
  }

  @Test
  void backupRetention_shorterTarget_isMedium() {
    Database oneDay = flex("15", 4, 32.0, 256, true, 1, true, false, true);

    assertThat(compare(rds(), oneDay))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("db.backup-retention", Severity.MEDIUM));
    assertThat(compare(oneDay, rds())).isEmpty();
  }

  @Test
  void encryption_targetOff_highWhenSourceOn_mediumWhenNeither() {
    Database plain = flex("15", 4, 32.0, 256, true, 7, false, false, true);
    Database plainRds =
        new Database(
            rds().meta(),
            "postgres",
            "15.4",
            "db.r6g.xlarge",
            4,
            32.0,
            256,
            true,
            7,
            false,
            false,
            true);

    assertThat(compare(rds(), plain))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "db.encryption",
                Severity.HIGH,
                "target storage is not encrypted at rest; the source's is"));
    assertThat(compare(plainRds, plain))
        .extracting(Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                Severity.MEDIUM,
                "target storage is not encrypted at rest; neither is the source's"));
    assertThat(compare(plain, rds())).isEmpty();
  }

  @Test
  void publicAccess_openedInTargetHigh_closedInTargetLow() {
    Database open = flex("15", 4, 32.0, 256, true, 7, true, true, true);

    assertThat(compare(rds(), open))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple(
                "db.public-access",
                Severity.HIGH,
                "target accepts connections from the internet; source does not"));
    assertThat(compare(open, rds()))
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(tuple("db.public-access", Severity.LOW));
  }

  @Test
  void tls_notEnforcedInTarget_highWhenSourceEnforces() {
    Database lax = flex("15", 4, 32.0, 256, true, 7, true, false, false);

    assertThat(compare(rds(), lax))
        .extracting(Finding::rule, Finding::severity, Finding::message)
        .containsExactly(
            tuple("db.tls", Severity.HIGH, "target does not require TLS; the source does"));
    assertThat(compare(lax, rds())).isEmpty();
  }

  @Test
  void unknownValues_areNotCompared() {
    Database unknown =
        new Database(
            equivalentFlex().meta(),
            "postgres",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(compare(rds(), unknown)).isEmpty();
  }
}
