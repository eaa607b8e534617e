package dev.safeguards.servlet.internal;

import java.util.concurrent.atomic.LongAdder;

/** Requests admitted and refused in one partition since start. */
public final class PartitionCounts {

  private final String name;
  private final LongAdder admitted = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  PartitionCounts(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public long admitted() {
    return admitted.sum();
  }

  public long rejected() {
    return rejected.sum();
  }

  void admit() {
    admitted.increment();
  }

  void reject() {
    rejected.increment();
  }
}
