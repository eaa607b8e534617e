package dev.safeguards.checks.clients.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How many records a consumer group has still to read: end offsets minus committed offsets. */
final class ConsumerLag {

  private final Admin admin;
  private final Duration timeout;

  ConsumerLag(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  long of(String groupId) throws InterruptedException, ExecutionException, TimeoutException {
    int millis = (int) timeout.toMillis();
    Map<TopicPartition, OffsetAndMetadata> committed =
        Await.answer(
            admin
                .listConsumerGroupOffsets(
                    groupId, new ListConsumerGroupOffsetsOptions().timeoutMs(millis))
                .partitionsToOffsetAndMetadata(),
            timeout);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.forEach(
        (partition, offset) -> {
          if (offset != null) {
            latest.put(partition, OffsetSpec.latest());
          }
        });
    if (latest.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        Await.answer(
            admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(millis)).all(), timeout);
    long lag = 0;
    for (TopicPartition partition : latest.keySet()) {
      lag += Math.max(0, ends.get(partition).offset() - committed.get(partition).offset());
    }
    return lag;
  }
}
