package org.latentexplorer.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.Trainer;

/**
 * Measures in the real window what a person feels while a model trains with every Explore view
 * live, against training without the window in the same process: samples per second, the JavaFX
 * pulse, the manifold's frames per second and where the CPU goes (each thread's share of a core,
 * clock ticks of 10 ms on Linux). Started by {@code -Dlatentexplorer.benchmark=FILE.json} (and
 * {@code latentexplorer.benchmarkSeconds}, default 30); writes the JSON, prints one line and
 * leaves. Confined to the JavaFX thread, except the headless baseline, which trains on a thread of
 * its own while the window is idle.
 */
final class LiveBenchmark {
  /** Training before the headless measurement starts: the JIT compiles the kernels. */
  private static final Duration WARM_UP = Duration.ofSeconds(5);

  private final Path output;
  private final Duration measured;
  private final Duration liveWarmUp;
  private final List<Long> pulseNanos = new ArrayList<>();
  private long pulseStart;
  private boolean recording;

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
   * Runs the benchmark on the built default model: headless first, then in the window.
   *
   * @param leave closes the window when done
   */
  void start(Explorer explorer, Scene scene, Runnable leave) {
    RunConfig config = explorer.workspace().config();
    LoadedData data = explorer.workspace().data();
    Thread headless =
        new Thread(
            () -> {
              double rate;
              try {
                rate = headlessSamplesPerSecond(config, data);
              } catch (DivergenceException | RuntimeException e) {
                System.err.println("benchmark: headless training failed: " + e.getMessage());
                rate = Double.NaN;
              }
              double r = rate;
              Platform.runLater(() -> live(explorer, scene, r, leave));
            },
            "benchmark headless trainer");
    headless.setDaemon(true);
    headless.start();
  }

  private double headlessSamplesPerSecond(RunConfig config, LoadedData data)
      throws DivergenceException {
    Trainer t = new Trainer(config.model(), config.training(), data.split());
    long warmEnd = System.nanoTime() + WARM_UP.toNanos();
    while (System.nanoTime() < warmEnd) {
      t.step();
    }
    long images = 0;
    long t0 = System.nanoTime();
    long end = t0 + measured.toNanos();
    while (System.nanoTime() < end) {
      t.step();
      images += t.batchSize();
    }
    return images * 1e9 / (System.nanoTime() - t0);
  }

  private void live(Explorer explorer, Scene scene, double headlessRate, Runnable leave) {
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
    explorer.parts().training().primary();
    // The window's own code compiles for minutes (CSS, layout, charts): a longer warm-up
    // measures the steady state, a short one what the first minute feels like.
    PauseTransition warm = new PauseTransition(javafx.util.Duration.millis(liveWarmUp.toMillis()));
    warm.setOnFinished(
        e -> {
          Snapshot first = explorer.workspace().snapshot();
          long frames0 = explorer.parts().manifold().gridImage().frameCount();
          Map<String, Long> cpu0 = threadCpu();
          long t0 = System.nanoTime();
          recording = true;
          PauseTransition run =
              new PauseTransition(javafx.util.Duration.millis(measured.toMillis()));
          run.setOnFinished(
              f -> {
                recording = false;
                double seconds = (System.nanoTime() - t0) / 1e9;
                Snapshot last = explorer.workspace().snapshot();
                long frames = explorer.parts().manifold().gridImage().frameCount() - frames0;
                Map<String, Long> cpu = threadCpu();
                explorer.parts().training().primary();
                pulses.stop();
                double liveRate =
                    (last.progress().samplesSeen() - first.progress().samplesSeen()) / seconds;
                report(headlessRate, liveRate, frames / seconds, cpu0, cpu, seconds);
                leave.run();
              });
          run.play();
        });
    warm.play();
  }

  private void report(
      double headless,
      double live,
      double manifoldFps,
      Map<String, Long> cpu0,
      Map<String, Long> cpu1,
      double seconds) {
    long[] p = pulseNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    StringBuilder threads = new StringBuilder();
    List<Map.Entry<String, Long>> used = new ArrayList<>();
    for (Map.Entry<String, Long> t : cpu1.entrySet()) {
      used.add(Map.entry(t.getKey(), t.getValue() - cpu0.getOrDefault(t.getKey(), 0L)));
    }
    used.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    for (Map.Entry<String, Long> t : used.subList(0, Math.min(8, used.size()))) {
      if (threads.length() > 0) {
        threads.append(",\n");
      }
      threads.append(
          String.format(
              Locale.ROOT,
              "    {\"thread\": \"%s\", \"cpuPercent\": %.1f}",
              t.getKey().replace("\"", "'"),
              100.0 * t.getValue() / 1e9 / seconds));
    }
    String json =
        String.format(
            Locale.ROOT,
            "{\n  \"headlessSamplesPerSecond\": %.1f,\n  \"liveSamplesPerSecond\": %.1f,\n"
                + "  \"liveOverHeadless\": %.3f,\n  \"pulses\": %d,\n  \"pulseMedianMs\": %.2f,\n"
                + "  \"pulseP95Ms\": %.2f,\n  \"pulseMaxMs\": %.2f,\n  \"manifoldFramesPerSecond\":"
                + " %.2f,\n  \"seconds\": %.1f,\n  \"liveWarmUpSeconds\": %d,\n"
                + "  \"threads\": [\n%s\n  ]\n}\n",
            headless,
            live,
            live / headless,
            p.length,
            quantile(p, 0.5),
            quantile(p, 0.95),
            p.length == 0 ? Double.NaN : p[p.length - 1] / 1e6,
            manifoldFps,
            seconds,
            liveWarmUp.toSeconds(),
            threads);
    try {
      Files.writeString(output, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("benchmark: could not write " + output + ": " + e.getMessage());
    }
    System.out.printf(
        Locale.ROOT,
        "live: %.0f samples/s, headless %.0f (%.0f%%); pulse p95 %.1f ms; manifold %.1f fps%n",
        live,
        headless,
        100 * live / headless,
        quantile(p, 0.95),
        manifoldFps);
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
