package dev.safeguards.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistanceTest {

  @Test
  void countsInsertionsDeletionsSubstitutionsAndSwapsAsOneEach() {
    assertThat(Distance.damerauLevenshtein("period", "period")).isZero();
    assertThat(Distance.damerauLevenshtein("period", "peroid")).isEqualTo(1);
    assertThat(Distance.damerauLevenshtein("period", "perio")).isEqualTo(1);
    assertThat(Distance.damerauLevenshtein("period", "periods")).isEqualTo(1);
    assertThat(Distance.damerauLevenshtein("period", "perjod")).isEqualTo(1);
    assertThat(Distance.damerauLevenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(Distance.damerauLevenshtein("", "abc")).isEqualTo(3);
  }
}
