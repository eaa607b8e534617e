package dev.safeguards.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one container health probe costs: the image's static probe ({@code /app/healthcheck}, copied
 * out of the image), the JVM sub-command it replaced ({@code java -jar app.jar healthcheck}), and
 * {@code curl} as the baseline. One instance of the service runs on loopback; the three ask its
 * {@code /ready} in turn. GNU {@code time} measures, for each: the CPU time (user + system) of
 * {@code runs} probes in a row from one shell loop, divided by {@code runs} (a single probe of the
 * static binary takes less than the 10 ms that {@code time} can resolve), and the peak resident
 * memory of each of {@code runs} single probes, of which the largest is reported.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.safeguards.benchmarks.HealthcheckCost \
 *   /tmp/healthcheck example-backend/target/example-backend.jar 50
 * }</pre>
 */
public final class HealthcheckCost {

  private record Run(double cpuMillis, long maxRssKib) {}

  private HealthcheckCost() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: HealthcheckCost PROBE_BINARY APP_JAR [RUNS]");
      System.exit(64);
    }
    String probe = Path.of(args[0]).toAbsolutePath().toString();
    String jar = Path.of(args[1]).toAbsolutePath().toString();
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path data = Files.createTempDirectory("healthcheck-cost-");
    ProcessBuilder service = new ProcessBuilder("java", "-jar", jar).redirectErrorStream(true);
    service.redirectOutput(data.resolve("service.log").toFile());
    service.environment().putAll(Map.of("PORT", "" + port, "DATA_DIR", data.toString()));
    service.environment().put("APP_ENV", "development");
    Process instance = service.start();
    try {
      awaitReady(port);
      Map<String, List<String>> commands = new LinkedHashMap<>();
      commands.put(
          "curl (baseline)",
          List.of("curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:" + port + "/ready"));
      commands.put("static probe", List.of(probe));
      commands.put(
          "java -jar app.jar healthcheck",
          List.of("java", "-XX:TieredStopAtLevel=1", "-jar", jar, "healthcheck"));
      Map<String, Run> results = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        double cpu = loopCpuMillis(command.getValue(), port, runs) / runs;
        long rss = 0;
        for (int i = 0; i < runs; i++) {
          rss = Math.max(rss, time(command.getValue(), port)[2]);
        }
        results.put(command.getKey(), new Run(cpu, rss));
      }
      report(results, runs);
    } finally {
      instance.destroy();
      instance.waitFor();
    }
  }

  /** User and system CPU time in ms, and peak memory in KiB, of {@code command}, by GNU time. */
  private static long[] time(List<String> command, int port) throws Exception {
    List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M"));
    timed.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(timed).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", "" + port);
    Process process = builder.start();
    String[] lines = new String(process.getErrorStream().readAllBytes()).strip().split("\n");
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command + " failed: " + String.join("\n", lines));
    }
    String[] fields = lines[lines.length - 1].split(" ");
    return new long[] {
      Math.round(Double.parseDouble(fields[0]) * 1000),
      Math.round(Double.parseDouble(fields[1]) * 1000),
      Long.parseLong(fields[2])
    };
  }

  /** CPU time in ms of {@code runs} runs of {@code command} from one shell loop. */
  private static double loopCpuMillis(List<String> command, int port, int runs) throws Exception {
    String quoted = String.join(" ", command.stream().map(a -> "'" + a + "'").toList());
    String loop = "for i in $(seq " + runs + "); do " + quoted + " >/dev/null || exit 1; done";
    long[] used = time(List.of("bash", "-c", loop), port);
    return used[0] + used[1];
  }

  private static void report(Map<String, Run> results, int runs) {
    double baseline = results.values().iterator().next().cpuMillis();
    System.out.printf(
        "Measured %s: %d probes of each against one instance on loopback (GNU time).%n%n",
        Instant.now().toString().substring(0, 10), runs);
    System.out.println(
        "| probe | CPU per probe (ms) | peak memory of one probe, max (MiB) | CPU ÷ curl |");
    System.out.println("|---|---|---|---|");
    results.forEach(
        (name, run) ->
            System.out.printf(
                "| %s | %.2f | %.1f | %.2f |%n",
                name, run.cpuMillis(), run.maxRssKib() / 1024.0, run.cpuMillis() / baseline));
  }

  private static void awaitReady(int port) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the service was not ready within 60s on port " + port);
  }
}
