package dev.cutover.aws.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RdsInstanceClassesTest {

  @ParameterizedTest
  @CsvSource({
    "db.t3.micro, 2, 1",
    "db.t4g.2xlarge, 8, 32",
    "db.m5.24xlarge, 96, 384",
    "db.m6g.large, 2, 8",
    "db.m6i.32xlarge, 128, 512",
    "db.m7g.16xlarge, 64, 256",
    "db.r5.large, 2, 16",
    "db.r6g.16xlarge, 64, 512",
    "db.r6i.xlarge, 4, 32",
    "db.r7g.4xlarge, 16, 128",
    "DB.R4.LARGE, 2, 15.25"
  })
  void lookup_commonFamilies_giveTheDocumentedCapacity(String dbClass, int vcpus, double memory) {
    assertThat(RdsInstanceClasses.lookup(dbClass))
        .contains(new RdsInstanceClasses.Spec(vcpus, memory));
  }

  @Test
  void lookup_unknownOrServerlessClass_isEmptyNeverGuessed() {
    assertThat(RdsInstanceClasses.lookup("db.serverless")).isEmpty();
    assertThat(RdsInstanceClasses.lookup("db.r9z.large")).isEmpty();
    assertThat(RdsInstanceClasses.lookup(null)).isEmpty();
  }

  @Test
  void table_namesItsSourceAndDateAndCoversEverySizeFromMicroTo16xlarge() throws IOException {
    String header;
    try (InputStream in =
        RdsInstanceClasses.class.getResourceAsStream(RdsInstanceClasses.RESOURCE)) {
      header = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(header)
        .contains(
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html")
        .containsPattern("read \\d{4}-\\d{2}-\\d{2}");
    for (String family : new String[] {"m5", "m6g", "m6i", "m7g", "r5", "r6g", "r6i", "r7g"}) {
      for (String size :
          new String[] {
            "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"
          }) {
        assertThat(RdsInstanceClasses.lookup("db." + family + "." + size))
            .as(family + "." + size)
            .isPresent();
      }
    }
    for (String family : new String[] {"t3", "t4g"}) {
      for (String size : new String[] {"micro", "small", "medium", "large", "xlarge", "2xlarge"}) {
        assertThat(RdsInstanceClasses.lookup("db." + family + "." + size))
            .as(family + "." + size)
            .isPresent();
      }
    }
    assertThat(RdsInstanceClasses.size()).isGreaterThanOrEqualTo(100);
  }
}
