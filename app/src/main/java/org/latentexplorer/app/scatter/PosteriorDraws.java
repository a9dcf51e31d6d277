package org.latentexplorer.app.scatter;

import java.util.random.RandomGenerator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A few draws z = mu + L eps, eps ~ N(0, I), from a posterior shown on the scatter (the drawing's,
 * with its 1-sigma ellipse): the reparameterisation trick made visible, L L^T being the posterior's
 * covariance (L = diag(sigma) for a diagonal posterior). Confined to the JavaFX thread.
 *
 * <p>Off unless the user asks for the draws or a lesson does; {@link #redraw()} draws new eps.
 */
public final class PosteriorDraws {
  /** How many draws show at once. */
  public static final int COUNT = 12;

  static final String NAME = "z = \u03bc + \u03c3\u00b7\u03b5";
  private static final String COLOUR = "#dd6b20";

  private final RandomGenerator random;
  private final ObjectProperty<LatentOverlay> posterior =
      new SimpleObjectProperty<>(this, "posterior");
  private final BooleanProperty wanted = new SimpleBooleanProperty(this, "wanted");
  private final BooleanProperty lessonWants = new SimpleBooleanProperty(this, "lessonWants");
  private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
  private final ReadOnlyObjectWrapper<LatentOverlay> overlay =
      new ReadOnlyObjectWrapper<>(this, "overlay");

  public PosteriorDraws(RandomGenerator random) {
    this.random = random;
    shown.bind(wanted.or(lessonWants));
    shown.addListener((o, a, b) -> redraw());
    posterior.addListener((o, a, b) -> redraw());
  }

  /** Draws new eps for the posterior shown; nothing while off or without a posterior. */
  public void redraw() {
    LatentOverlay p = posterior.get();
    if (!shown.get() || p == null || p.count() < 1 || p.covariances() == null) {
      overlay.set(null);
      return;
    }
    int d = p.points().length / p.count();
    double[] eps = new double[COUNT * d];
    for (int i = 0; i < eps.length; i++) {
      eps[i] = random.nextGaussian();
    }
    overlay.set(new LatentOverlay(NAME, COLOUR, COUNT, draws(p, eps, COUNT), null));
  }

  /**
   * mu + L eps_i for the first point of {@code p}, L the Cholesky factor of its covariance.
   *
   * @param eps [count x d] standard normal draws; not modified
   * @return [count x d]
   */
  static float[] draws(LatentOverlay p, double[] eps, int count) {
    int d = p.points().length / p.count();
    double[] l = cholesky(p.covariances(), d);
    float[] out = new float[count * d];
    for (int n = 0; n < count; n++) {
      for (int i = 0; i < d; i++) {
        double z = p.points()[i];
        for (int j = 0; j <= i; j++) {
          z += l[i * d + j] * eps[n * d + j];
        }
        out[n * d + i] = (float) z;
      }
    }
    return out;
  }

  /**
   * The lower-triangular L with L L^T = S, S [d x d] row-major (its first d x d block); a pivot
   * that rounding makes negative counts as zero, so a collapsed dimension draws no spread.
   */
  static double[] cholesky(double[] s, int d) {
    double[] l = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = s[i * d + j];
        for (int k = 0; k < j; k++) {
          sum -= l[i * d + k] * l[j * d + k];
        }
        if (i == j) {
          l[i * d + i] = Math.sqrt(Math.max(0, sum));
        } else {
          l[i * d + j] = l[j * d + j] > 0 ? sum / l[j * d + j] : 0;
        }
      }
    }
    return l;
  }

  /** The posterior to draw from: an overlay with covariances; null for none. */
  public ObjectProperty<LatentOverlay> posteriorProperty() {
    return posterior;
  }

  /** Whether the user asked for the draws (the View menu). */
  public BooleanProperty wantedProperty() {
    return wanted;
  }

  /** Whether the lesson in use asks for the draws. */
  public BooleanProperty lessonWantsProperty() {
    return lessonWants;
  }

  /** Whether the draws show: the user or the lesson asked. */
  public ReadOnlyBooleanProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** The draws on the scatter; null while off. */
  public ReadOnlyObjectProperty<LatentOverlay> overlayProperty() {
    return overlay.getReadOnlyProperty();
  }
}
