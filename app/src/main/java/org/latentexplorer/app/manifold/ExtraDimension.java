package org.latentexplorer.app.manifold;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * A latent dimension outside the plane of the manifold, held at a value the user picks with a
 * slider; shown with its KL so the active ones stand out. Confined to the JavaFX thread.
 */
public final class ExtraDimension {
  private final int index;
  private final DoubleProperty value = new SimpleDoubleProperty(this, "value", 0);
  private final ReadOnlyDoubleWrapper kl = new ReadOnlyDoubleWrapper(this, "kl", Double.NaN);

  ExtraDimension(int index) {
    this.index = index;
  }

  /** The dimension, 0-based. */
  public int index() {
    return index;
  }

  /** Where z[index] is held. */
  public DoubleProperty valueProperty() {
    return value;
  }

  /** KL of this dimension on the test set at the last evaluation; NaN when unknown. */
  public ReadOnlyDoubleProperty klProperty() {
    return kl.getReadOnlyProperty();
  }

  void setKl(double v) {
    kl.set(v);
  }

  /** "z3". */
  public String name() {
    return "z" + (index + 1);
  }
}
