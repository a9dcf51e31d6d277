package org.latentexplorer.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.model.failure.FailureMessage;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainingSession;

/**
 * Measures in the real window what a person feels while a model trains with every Explore view
 * live, against training without the window in the same process: samples per second, the JavaFX
 * pulse, the manifold's frames per second and where the CPU goes (each thread's share of a core,
 * clock ticks of 10 ms on Linux). Started by {@code -Dlatentexplorer.benchmark=FILE.json}; writes
 * the JSON, prints one line and leaves.
 *
 * <p>The machine's speed drifts by tens of percent within minutes, so the two are measured in
 * alternating windows of {@value #WINDOW_SECONDS} s, as the engine benchmark compares with DL4J:
 * the live run trains with the views drawing, then it is paused and the same model settings train
 * on a thread of their own while the window is idle, and so on. The ratio is the median of the
 * windows' ratios. {@code latentexplorer.benchmarkSeconds} (default 30) is the live time measured,
 * after {@code latentexplorer.benchmarkWarmUpSeconds} (default 5) of live training unmeasured.
 *
 * <p>The rounds run on a thread of their own; what touches the window runs on the JavaFX thread.
 */
final class LiveBenchmark {
  /** Training before anything is measured: the JIT compiles the kernels. */
  private static final Duration WARM_UP = Duration.ofSeconds(5);

  /** The most epochs a run may have. */
  private static final int MAX_EPOCHS = 100_000;

  /** Length of one live or one headless window. */
  private static final long WINDOW_SECONDS = 10;

  /** Wait after a pause or a resume, so that the views' redraw for it is not measured. */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  private final Path output;
  private final Duration measured;
  private final Duration liveWarmUp;
  private final List<Long> pulseNanos = new ArrayList<>();
  private long pulseStart;
  private volatile boolean recording;

  private LiveBenchmark(Path output, Duration measured, Duration liveWarmUp) {
    this.output = output;
    this.measured = measured;
    this.liveWarmUp = liveWarmUp;
  }

  /** The benchmark the command line asks for, if any. */
  static Optional<LiveBenchmark> fromSystemProperties() {
    String file = System.getProperty("latentexplorer.benchmark", "").trim();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new LiveBenchmark(
            Path.of(file),
            Duration.ofSeconds(seconds("latentexplorer.benchmarkSeconds", 30)),
            Duration.ofSeconds(seconds("latentexplorer.benchmarkWarmUpSeconds", 5))));
  }

  private static long seconds(String property, long fallback) {
    try {
      return Math.max(5, Long.parseLong(System.getProperty(property, "" + fallback).trim()));
    } catch (NumberFormatException e) {
      // A mistyped length keeps the default.
      return fallback;
    }
  }

  /**
   * Runs the benchmark on the built default model. Called on the JavaFX thread.
   *
   * @param leave closes the window when done; run on the JavaFX thread
   */
  void start(Explorer explorer, Scene scene, Runnable leave) {
    AnimationTimer pulses =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            pulseStart = System.nanoTime();
          }
        };
    pulses.start();
    scene.addPostLayoutPulseListener(
        () -> {
          if (recording && pulseStart != 0) {
            pulseNanos.add(System.nanoTime() - pulseStart);
          }
          pulseStart = 0;
        });
    Thread rounds =
        new Thread(
            () -> {
              try {
                report(measure(explorer));
              } catch (DivergenceException | RuntimeException | ExecutionException e) {
                System.err.println("benchmark: " + FailureMessage.oneLine(e));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Platform.runLater(
                  () -> {
                    pulses.stop();
                    leave.run();
                  });
            },
            "benchmark");
    rounds.setDaemon(true);
    rounds.start();
  }

  /** What one live window and the headless window after it measured. */
  private record Round(double liveSamplesPerSecond, double headlessSamplesPerSecond) {
    double ratio() {
      return liveSamplesPerSecond / headlessSamplesPerSecond;
    }
  }

  /** Where the live run stands: read on the JavaFX thread. */
  private record Mark(long nanos, long samplesSeen, long manifoldFrames) {}

  private Map<String, Object> measure(Explorer explorer)
      throws DivergenceException, ExecutionException, InterruptedException {
    RunConfig config = onFx(() -> explorer.workspace().config());
    LoadedData data = onFx(() -> explorer.workspace().data());
    Trainer headless = new Trainer(config.model(), config.training(), data.split());
    train(headless, WARM_UP);
    // The same model, with epochs enough that a long measurement does not see the run finish.
    TrainingSession before = onFx(() -> explorer.workspace().session());
    onFx(
        () -> {
          explorer.sessions().continueWith(config.training().withEpochs(MAX_EPOCHS));
          return null;
        });
    while (onFx(
        () ->
            explorer.workspace().session() == before || explorer.workspace().snapshot() == null)) {
      Thread.sleep(50);
    }
    onFx(
        () -> {
          explorer.parts().training().primary();
          return null;
        });
    Thread.sleep(liveWarmUp.toMillis());
    TrainingSession session = onFx(() -> explorer.workspace().session());
    List<Round> rounds = new ArrayList<>();
    Map<String, Long> liveCpu = new HashMap<>();
    Map<String, Long> headlessCpu = new HashMap<>();
    long frames = 0;
    long liveNanos = 0;
    long headlessNanos = 0;
    int count = (int) Math.max(1, measured.toSeconds() / WINDOW_SECONDS);
    for (int r = 0; r < count; r++) {
      Map<String, Long> cpu0 = threadCpu();
      Mark a = mark(explorer);
      recording = true;
      Thread.sleep(WINDOW_SECONDS * 1000);
      recording = false;
      Mark b = mark(explorer);
      addCpu(liveCpu, cpu0, threadCpu());
      long live = b.nanos() - a.nanos();
      liveNanos += live;
      frames += b.manifoldFrames() - a.manifoldFrames();

      session.pause();
      Thread.sleep(SETTLE.toMillis());
      cpu0 = threadCpu();
      long h0 = System.nanoTime();
      double headlessRate = train(headless, Duration.ofSeconds(WINDOW_SECONDS));
      headlessNanos += System.nanoTime() - h0;
      addCpu(headlessCpu, cpu0, threadCpu());
      rounds.add(new Round((b.samplesSeen() - a.samplesSeen()) * 1e9 / live, headlessRate));
      session.train();
      Thread.sleep(SETTLE.toMillis());
    }
    session.pause();
    return results(
        rounds, frames * 1e9 / liveNanos, liveCpu, liveNanos, headlessCpu, headlessNanos);
  }

  private Mark mark(Explorer explorer) throws ExecutionException, InterruptedException {
    return onFx(
        () ->
            new Mark(
                System.nanoTime(),
                explorer.workspace().snapshot().progress().samplesSeen(),
                explorer.parts().manifold().gridImage().frameCount()));
  }

  /** Trains for {@code length}; returns the samples per second. */
  private static double train(Trainer t, Duration length) throws DivergenceException {
    long images = 0;
    long t0 = System.nanoTime();
    long end = t0 + length.toNanos();
    while (System.nanoTime() < end) {
      t.step();
      images += t.batchSize();
    }
    return images * 1e9 / (System.nanoTime() - t0);
  }

  private static <T> T onFx(Supplier<T> read) throws ExecutionException, InterruptedException {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(read.get());
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f.get();
  }

  private static void addCpu(
      Map<String, Long> total, Map<String, Long> from, Map<String, Long> to) {
    for (Map.Entry<String, Long> t : to.entrySet()) {
      total.merge(t.getKey(), t.getValue() - from.getOrDefault(t.getKey(), 0L), Long::sum);
    }
  }

  private Map<String, Object> results(
      List<Round> rounds,
      double manifoldFps,
      Map<String, Long> liveCpu,
      long liveNanos,
      Map<String, Long> headlessCpu,
      long headlessNanos)
      throws ExecutionException, InterruptedException {
    long[] p = onFx(() -> pulseNanos.stream().mapToLong(Long::longValue).sorted().toArray());
    double[] ratios = rounds.stream().mapToDouble(Round::ratio).sorted().toArray();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("liveOverHeadless", round3(median(ratios)));
    out.put("liveOverHeadlessLowest", round3(ratios[0]));
    out.put("liveOverHeadlessHighest", round3(ratios[ratios.length - 1]));
    out.put(
        "liveSamplesPerSecond",
        round3(
            median(rounds.stream().mapToDouble(Round::liveSamplesPerSecond).sorted().toArray())));
    out.put(
        "headlessSamplesPerSecond",
        round3(
            median(
                rounds.stream().mapToDouble(Round::headlessSamplesPerSecond).sorted().toArray())));
    List<Map<String, Object>> windows = new ArrayList<>();
    for (Round r : rounds) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("live", round3(r.liveSamplesPerSecond()));
      w.put("headless", round3(r.headlessSamplesPerSecond()));
      w.put("ratio", round3(r.ratio()));
      windows.add(w);
    }
    out.put("rounds", windows);
    out.put("windowSeconds", WINDOW_SECONDS);
    out.put("liveWarmUpSeconds", liveWarmUp.toSeconds());
    out.put("pulses", p.length);
    out.put("pulseMedianMs", round3(quantile(p, 0.5)));
    out.put("pulseP95Ms", round3(quantile(p, 0.95)));
    out.put("pulseMaxMs", p.length == 0 ? Double.NaN : round3(p[p.length - 1] / 1e6));
    out.put("manifoldFramesPerSecond", round3(manifoldFps));
    out.put("liveThreads", busiest(liveCpu, liveNanos, 8));
    out.put("headlessThreads", busiest(headlessCpu, headlessNanos, 4));
    return out;
  }

  /** The {@code n} busiest threads, with their share of a core in percent. */
  private static List<Map<String, Object>> busiest(Map<String, Long> cpu, long nanos, int n) {
    List<Map<String, Object>> out = new ArrayList<>();
    cpu.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(n)
        .forEach(
            t -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("thread", t.getKey());
              m.put("cpuPercent", Math.round(1000.0 * t.getValue() / nanos) / 10.0);
              out.add(m);
            });
    return out;
  }

  private void report(Map<String, Object> results) {
    try {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(output.toFile(), results);
    } catch (IOException e) {
      System.err.println("benchmark: could not write " + output + ": " + e.getMessage());
    }
    System.out.printf(
        Locale.ROOT,
        "live: %.0f samples/s, headless %.0f (ratio %.2f, %.2f to %.2f); pulse p95 %.1f ms;"
            + " manifold %.1f fps%n",
        results.get("liveSamplesPerSecond"),
        results.get("headlessSamplesPerSecond"),
        results.get("liveOverHeadless"),
        results.get("liveOverHeadlessLowest"),
        results.get("liveOverHeadlessHighest"),
        results.get("pulseP95Ms"),
        results.get("manifoldFramesPerSecond"));
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }

  /**
   * CPU time in nanoseconds of each thread of the process, by name: from /proc on Linux, so that
   * native threads count too (they carry the name of the thread that started them: OpenBLAS's
   * workers are named after the thread that first loaded it); else the Java threads.
   */
  private static Map<String, Long> threadCpu() {
    Map<String, Long> out = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (Files.isDirectory(tasks)) {
      try (var dirs = Files.list(tasks)) {
        for (Path t : (Iterable<Path>) dirs::iterator) {
          try {
            String stat = Files.readString(t.resolve("stat"));
            // The name is in parentheses and may hold spaces; the counters follow it.
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            out.put(name + " #" + t.getFileName(), ticks * 10_000_000L);
          } catch (IOException | RuntimeException e) {
            // The thread ended meanwhile.
          }
        }
        return out;
      } catch (IOException e) {
        out.clear();
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] ids = mx.getAllThreadIds();
    ThreadInfo[] infos = mx.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long t = mx.getThreadCpuTime(ids[i]);
      if (infos[i] != null && t > 0) {
        out.merge(infos[i].getThreadName(), t, Long::sum);
      }
    }
    return out;
  }
}
