package dev.safeguards.checks.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka broker and controller in this JVM (KRaft, combined mode), from Maven Central's Kafka
 * server artifacts, with its data in a temporary directory. It listens on a port of its own and
 * advertises another, so that clients reach it through a fault proxy on that port.
 */
public final class KafkaBroker implements AutoCloseable {

  private final KafkaRaftServer server;
  private final Path directory;

  private KafkaBroker(KafkaRaftServer server, Path directory) {
    this.server = server;
    this.directory = directory;
  }

  /** A free port on the loopback interface for the broker's listener. */
  public static InetSocketAddress freeAddress() {
    return new InetSocketAddress("127.0.0.1", freePort());
  }

  /** Starts a broker listening on {@code listen}, telling clients to use {@code advertisedPort}. */
  public static KafkaBroker start(InetSocketAddress listen, int advertisedPort) throws Exception {
    Path directory = Files.createTempDirectory("safeguards-kafka-");
    int controllerPort = freePort();
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + listen.getPort() + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + advertisedPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", directory.toString());
    props.put("num.partitions", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    KafkaConfig config = KafkaConfig.fromProps(props);
    new Formatter()
        .setNodeId(1)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(directory.toString()))
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(directory.toString())
        .run();
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    return new KafkaBroker(server, directory);
  }

  /** Connections the broker's client listener has accepted so far: the broker's own count. */
  public long acceptedConnections() throws Exception {
    MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
    long total = 0;
    for (ObjectName name :
        beans.queryNames(
            new ObjectName(
                "kafka.server:type=socket-server-metrics,listener=PLAINTEXT,networkProcessor=*"),
            null)) {
      total += ((Number) beans.getAttribute(name, "connection-creation-total")).longValue();
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
