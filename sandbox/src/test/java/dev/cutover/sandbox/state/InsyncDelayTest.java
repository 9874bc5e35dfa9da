package dev.cutover.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InsyncDelayTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(InsyncDelay.PROPERTY);
  }

  @Test
  void parse_unitsAndIso_allRead() {
    assertThat(InsyncDelay.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
    assertThat(InsyncDelay.parse("5s", "x")).isEqualTo(Duration.ofSeconds(5));
    assertThat(InsyncDelay.parse("7", "x")).isEqualTo(Duration.ofSeconds(7));
    assertThat(InsyncDelay.parse("2m", "x")).isEqualTo(Duration.ofMinutes(2));
    assertThat(InsyncDelay.parse("PT1.5S", "x")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void parse_notADuration_namesTheSetting() {
    assertThatThrownBy(() -> InsyncDelay.parse("soon", InsyncDelay.ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CUTOVER_SANDBOX_INSYNC_DELAY='soon'");
  }

  @Test
  void configured_systemProperty_winsOverTheDefault() {
    System.setProperty(InsyncDelay.PROPERTY, "250ms");

    assertThat(InsyncDelay.configured()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void configured_nothingSet_isTheDefault() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(InsyncDelay.ENV) == null);

    assertThat(InsyncDelay.configured()).isEqualTo(InsyncDelay.DEFAULT);
  }
}
