package org.latentexplorer.app.setup;

import java.util.Optional;

/**
 * A control of the setup form, named by a stable id that lesson files use to give it a value, hide
 * it or lock it. Immutable.
 *
 * <p>The ids are part of the lesson file format: renaming one breaks the lessons that name it.
 */
public enum Control {
  /** The data set list and its Open button; a lesson gives the data set separately. */
  DATASET("dataset", null),
  FAMILY("family", null),
  POSTERIOR("posterior", null),
  LIKELIHOOD("likelihood", null),
  /** Where a Gaussian decoder's variance comes from: PER_PIXEL, SHARED or FIXED. */
  VARIANCE("variance", null),
  FIXED_VARIANCE("fixedVariance", Field.VARIANCE),
  LATENT("latent", Field.LATENT),
  HIDDEN("hidden", Field.HIDDEN),
  ACTIVATION("activation", null),
  BETA("beta", Field.BETA),
  KL_ESTIMATOR("klEstimator", null),
  LAMBDA("lambda", Field.LAMBDA),
  OPTIMIZER("optimizer", null),
  LEARNING_RATE("learningRate", Field.LEARNING_RATE),
  BATCH("batch", Field.BATCH),
  EPOCHS("epochs", Field.EPOCHS),
  SEED("seed", Field.SEED),
  BINARIZATION("binarization", null);

  private final String id;
  private final Field field;

  Control(String id, Field field) {
    this.id = id;
    this.field = field;
  }

  /** The name lesson files use, e.g. "latent". */
  public String id() {
    return id;
  }

  /** The text field this control is, or null for a list (or the data set). */
  Field field() {
    return field;
  }

  /** Whether the control holds a setting of the model or its training (all but the data set). */
  public boolean isSetting() {
    return this != DATASET;
  }

  /** The control a lesson file names {@code id}. */
  public static Optional<Control> withId(String id) {
    for (Control c : values()) {
      if (c.id.equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
