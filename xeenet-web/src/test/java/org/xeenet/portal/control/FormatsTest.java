package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.xeenet.search.control.ParameterDomain;

class FormatsTest {

  @Test
  void bitsPerByteHaveFourDecimalsWhateverTheLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(Formats.bpb(2.503456)).isEqualTo("2.5035");
    } finally {
      Locale.setDefault(before);
    }
    assertThat(Formats.bpb(null)).isEmpty();
    assertThat(Formats.bpb(Double.NaN)).isEmpty();
  }

  @Test
  void theBudgetSaysStepsOrTokensWhenACampaignHasThem() {
    assertThat(Formats.budget("steps", 2000L, 120)).isEqualTo("2,000 steps + 120 s");
    assertThat(Formats.budget("tokens", 12_000_000L, 3600)).isEqualTo("12,000,000 tokens + 3600 s");
    assertThat(Formats.budget("time", 120L, 120)).isEqualTo("120 s");
    assertThat(Formats.budget(null, null, 60)).isEqualTo("60 s");
  }

  @Test
  void timesAreUtc() {
    assertThat(Formats.instant(Instant.parse("2026-11-25T02:55:56.2Z")))
        .isEqualTo("2026-11-25 02:55:56 UTC");
    assertThat(Formats.instant(null)).isEmpty();
  }

  @Test
  void shortIds() {
    assertThat(Formats.shortId("e630671c-3529-4db5-9ea9-039579718e3a")).isEqualTo("e630671c");
    assertThat(Formats.shortId("abc")).isEqualTo("abc");
    assertThat(Formats.shortId(null)).isEmpty();
  }

  @Test
  void searchSpaceHintsUseOverrideSyntax() {
    assertThat(SearchSpaceHint.json(new ParameterDomain.Choice(List.of(1, 2, 4))))
        .isEqualTo("[1, 2, 4]");
    assertThat(SearchSpaceHint.json(new ParameterDomain.RealRange(1e-4, 3e-3, true)))
        .isEqualTo("{\"low\": 0.0001, \"high\": 0.003, \"log\": true}");
    assertThat(SearchSpaceHint.json(new ParameterDomain.RealRange(0.0, 0.2, false)))
        .isEqualTo("{\"low\": 0, \"high\": 0.2}");
    assertThat(SearchSpaceHint.json(new ParameterDomain.IntRange(1, 4)))
        .isEqualTo("{\"low\": 1, \"high\": 4}");
    assertThat(SearchSpaceHint.json(new ParameterDomain.Fixed(64))).isEqualTo("64");
  }
}
