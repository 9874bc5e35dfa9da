package dev.cutover.aws.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.aws.mapping.RecordSets;
import dev.cutover.core.CutoverException;
import org.junit.jupiter.api.Test;

class Route53RecordPathTest {

  @Test
  void parse_prefixedZoneEscapedNameTrailingDot_isTheInventoryIdOfTheRecordSet() {
    Route53RecordPath path =
        Route53RecordPath.parse("/hostedzone/Z1PA6795/\\052.Example.COM./cname");

    assertThat(path).isEqualTo(new Route53RecordPath("Z1PA6795", "*.example.com", "CNAME"));
    assertThat(path.toString())
        .isEqualTo(RecordSets.id("/hostedzone/Z1PA6795", "\\052.Example.COM.", "cname"));
  }

  @Test
  void matches_recordAsListResourceRecordSetsNamesIt_ignoresEscapesCaseAndTrailingDot() {
    Route53RecordPath path = Route53RecordPath.parse("Z1PA6795/*.example.com/A");

    assertThat(path.matches("\\052.example.com.", "a")).isTrue();
    assertThat(path.matches("www.example.com.", "A")).isFalse();
    assertThat(path.matches("\\052.example.com.", "AAAA")).isFalse();
  }

  @Test
  void parse_missingZoneNameOrType_isRefused() {
    for (String bad : new String[] {"Z1PA6795/www.example.com", "/www.example.com/A", "Z1/www/"}) {
      assertThatThrownBy(() -> Route53RecordPath.parse(bad))
          .as(bad)
          .isInstanceOf(CutoverException.class)
          .hasMessageContaining("expected route53:ZONE_ID/NAME/TYPE");
    }
  }
}
