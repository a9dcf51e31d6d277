package org.latentexplorer.model.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with a carriage return: epoch, bar, per cent of the
 * epoch, throughput and time left for the whole run. Confined to the training thread. Draws nothing
 * when disabled (standard error is not a terminal), and at most every {@value #REDRAW_MILLIS} ms
 * otherwise.
 */
final class ProgressBar {
  private static final long REDRAW_MILLIS = 150;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private long lastDraw;
  private int drawnLength;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /**
   * Redraws the bar if enough time has passed.
   *
   * @param fraction progress through the current epoch, in [0, 1]
   * @param samplesPerSecond recent training throughput, or 0 when not known yet
   * @param secondsLeft estimated time to the end of the run, or NaN when not known yet
   */
  void update(int epoch, int epochs, double fraction, double samplesPerSecond, double secondsLeft) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_MILLIS * 1_000_000L) {
      return;
    }
    lastDraw = now;
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    String line =
        String.format(
            Locale.ROOT,
            "epoch %d/%d [%s%s] %3d%%  %s samples/s  ETA %s",
            epoch,
            epochs,
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            (int) Math.floor(fraction * 100),
            samplesPerSecond > 0 ? String.format(Locale.ROOT, "%,.0f", samplesPerSecond) : "-",
            duration(secondsLeft));
    draw(line);
  }

  /** Removes the bar so that a normal line can be printed. */
  void clear() {
    if (enabled && drawnLength > 0) {
      err.print("\r" + " ".repeat(drawnLength) + "\r");
      err.flush();
      drawnLength = 0;
      lastDraw = 0;
    }
  }

  private void draw(String line) {
    String pad = line.length() < drawnLength ? " ".repeat(drawnLength - line.length()) : "";
    err.print("\r" + line + pad);
    err.flush();
    drawnLength = line.length();
  }

  /** h:mm:ss or m:ss; "-" when unknown. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "-";
    }
    long s = Math.round(seconds);
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
        : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}
