package org.xeenet.worker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ProcessingException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void capsAndJitters() {
    Backoff b = new Backoff(10, 1000, 30_000);
    assertThat(b.delayMillis(1)).isEqualTo(1000);
    assertThat(b.delayMillis(3)).isEqualTo(4000);
    assertThat(b.delayMillis(9)).isEqualTo(30_000);
    assertThat(b.delayMillis(60)).isEqualTo(30_000);
    assertThat(b.jitteredDelayMillis(3, 0.0)).isEqualTo(2000);
    assertThat(b.jitteredDelayMillis(3, 0.999)).isBetween(3990L, 4000L);
    for (int i = 0; i < 200; i++) {
      assertThat(b.jitteredDelayMillis(20)).isBetween(15_000L, 30_000L);
    }
  }

  @Test
  void retriesNetworkErrorsThenGivesUp() throws Exception {
    Backoff b = new Backoff(3, 1, 2);
    AtomicInteger calls = new AtomicInteger();
    assertThat(
            b.call(
                "x",
                () -> {
                  if (calls.incrementAndGet() < 3) {
                    throw new ProcessingException("connection refused");
                  }
                  return "ok";
                }))
        .isEqualTo("ok");
    calls.set(0);
    assertThatThrownBy(
            () ->
                b.call(
                    "x",
                    () -> {
                      calls.incrementAndGet();
                      throw new ApiException(503, "down");
                    }))
        .isInstanceOf(ApiException.class);
    assertThat(calls.get()).isEqualTo(3);
    calls.set(0);
    assertThatThrownBy(
            () ->
                b.call(
                    "x",
                    () -> {
                      calls.incrementAndGet();
                      throw new ApiException(400, "bad");
                    }))
        .isInstanceOf(ApiException.class);
    assertThat(calls.get()).as("4xx is not retried").isEqualTo(1);
  }
}
