package dev.cutover.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.core.CutoverException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

class AzureErrorsTest {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void translate_interruptWrappedByReactor_restoresTheInterruptFlag() {
    RuntimeException wrapped = Exceptions.propagate(new InterruptedException("sleep interrupted"));

    CutoverException e =
        AzureErrors.translate(
            wrapped, "Microsoft.Network/trafficManagerProfiles/read", "trafficmanager s/g/p");

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(e.getMessage())
        .startsWith("azure trafficmanager s/g/p: Microsoft.Network/trafficManagerProfiles/read");
  }

  @Test
  void translate_notAnInterrupt_leavesTheFlagClear() {
    AzureErrors.translate(new IllegalStateException("boom"), "a/read", "s");

    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}
