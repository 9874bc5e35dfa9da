package dev.cutover.aws.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordSetsTest {

  @Test
  void fqdn_route53OctalEscapesTrailingDotAndCase_canonical() {
    assertThat(RecordSets.fqdn("\\052.Example.COM.")).isEqualTo("*.example.com");
    assertThat(RecordSets.fqdn("www.example.com")).isEqualTo("www.example.com");
    assertThat(RecordSets.fqdn("a\\05")).isEqualTo("a\\05");
  }

  @Test
  void id_zoneWithHostedZonePrefix_isStripped() {
    assertThat(RecordSets.id("/hostedzone/Z21DW1QVGID6NG", "App.Example.com.", "cname"))
        .isEqualTo("Z21DW1QVGID6NG/app.example.com/CNAME");
  }
}
