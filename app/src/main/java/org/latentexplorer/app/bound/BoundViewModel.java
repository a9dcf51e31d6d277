package org.latentexplorer.app.bound;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.eval.LogLikelihoodEstimate;
import org.latentexplorer.model.train.Snapshot;
import org.latentexplorer.model.train.TrainingSession;

/**
 * The estimate against L: started on demand, computed on the trainer thread between two steps
 * (training waits), with its progress and a cancel; the points as the chart draws them. Confined to
 * the JavaFX thread.
 */
public final class BoundViewModel {
  /** The numbers of samples, evenly spread on a log axis from 1 to 5000. */
  static final int[] SAMPLES = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};

  /** Test images the estimates average over: the same images for every L. */
  public static final int IMAGES = 100;

  /**
   * One L's point as drawn. Immutable.
   *
   * @param log10Samples x on the chart
   * @param estimate log p(x) estimated with L samples, nats per image
   * @param standardError its standard error across the images
   * @param elbo the ELBO on the same images
   */
  public record Point(
      int samples, double log10Samples, double estimate, double standardError, double elbo) {}

  private final Workspace workspace;
  private final ReadOnlyObjectWrapper<List<Point>> points =
      new ReadOnlyObjectWrapper<>(this, "points", List.of());
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private AtomicBoolean cancel = new AtomicBoolean();

  public BoundViewModel(Workspace workspace) {
    this.workspace = workspace;
    workspace.snapshotProperty().addListener((o, a, b) -> updateCanStart(b));
    workspace
        .sessionProperty()
        .addListener(
            (o, a, b) -> {
              cancel();
              points.set(List.of());
              text.set("");
            });
    updateCanStart(workspace.snapshot());
  }

  private void updateCanStart(Snapshot s) {
    canStart.set(s != null && s.model().family().hasElbo() && !running.get());
  }

  /** Estimates log p(x) for every L of {@link #SAMPLES} on the first {@link #IMAGES} images. */
  public void start() {
    TrainingSession session = workspace.session();
    Snapshot s = workspace.snapshot();
    if (session == null || s == null || !s.model().family().hasElbo() || running.get()) {
      return;
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    cancel = cancelled;
    running.set(true);
    canStart.set(false);
    progress.set(0);
    text.set(
        String.format(
            Locale.ROOT,
            "Estimating with up to %,d samples on %d test images; training waits\u2026",
            SAMPLES[SAMPLES.length - 1],
            IMAGES));
    session
        .call(
            t ->
                t.logLikelihoodCurve(
                    SAMPLES,
                    IMAGES,
                    f -> workspace.tasks().runOnUi(() -> progressIf(cancelled, f)),
                    cancelled::get))
        .whenComplete(
            (curve, error) ->
                workspace.tasks().runOnUi(() -> finish(session, cancelled, curve, error)));
  }

  private void progressIf(AtomicBoolean run, double fraction) {
    if (run == cancel && running.get()) {
      progress.set(fraction);
    }
  }

  private void finish(
      TrainingSession session,
      AtomicBoolean run,
      List<LogLikelihoodEstimate> curve,
      Throwable error) {
    if (run != cancel) {
      return;
    }
    running.set(false);
    updateCanStart(workspace.snapshot());
    if (workspace.session() != session) {
      return;
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof CancellationException) {
      text.set("Cancelled; the last complete curve stays.");
      return;
    }
    if (cause != null) {
      text.set("Could not estimate: " + Problem.describe(cause));
      return;
    }
    points.set(points(curve));
    text.set(summary(curve));
  }

  /** Stops a running estimate after its current chunk of samples. */
  public void cancel() {
    cancel.set(true);
  }

  static List<Point> points(List<LogLikelihoodEstimate> curve) {
    return curve.stream()
        .map(
            e ->
                new Point(
                    e.samples(), Math.log10(e.samples()), e.mean(), e.standardError(), e.elbo()))
        .toList();
  }

  /** The curve in a sentence: where it starts, where it ends, and what the rise means. */
  static String summary(List<LogLikelihoodEstimate> curve) {
    LogLikelihoodEstimate first = curve.get(0);
    LogLikelihoodEstimate last = curve.get(curve.size() - 1);
    return String.format(
        Locale.ROOT,
        "With L = %d the estimate is %.2f \u00b1 %.2f nats, the ELBO in expectation (%.2f here);"
            + " with L = %,d it is %.2f \u00b1 %.2f. The rise, %.2f \u00b1 %.2f nats, estimates"
            + " the average KL(q(z|x) \u2016 p(z|x)): how far the encoder's posterior is from the"
            + " true one. Where the curve flattens, more samples add little.",
        first.samples(),
        first.mean(),
        first.standardError(),
        first.elbo(),
        last.samples(),
        last.mean(),
        last.standardError(),
        last.gap(),
        last.gapStandardError());
  }

  /**
   * The last curve as CSV, one row per L: {@code samples,log_p_x,standard_error,elbo}, nats per
   * image; only the header before the first.
   */
  public void writeCsv(Appendable out) throws java.io.IOException {
    out.append("samples,log_p_x,standard_error,elbo\n");
    for (Point p : points.get()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%s\n",
              p.samples(),
              Double.toString(p.estimate()),
              Double.toString(p.standardError()),
              Double.toString(p.elbo())));
    }
  }

  /** The estimates, one per L, after a finished run. */
  public ReadOnlyObjectProperty<List<Point>> pointsProperty() {
    return points.getReadOnlyProperty();
  }

  /** How far the running estimate is, 0 to 1. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Whether an estimate can start (a VAE, none running). */
  public ReadOnlyBooleanProperty canStartProperty() {
    return canStart.getReadOnlyProperty();
  }

  /** What is happening, or what the curve says. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }
}
