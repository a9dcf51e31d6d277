package org.latentexplorer.app.setup;

/** A text field of the setup form that can hold an invalid value. Immutable. */
public enum Field {
  LATENT("latent size"),
  HIDDEN("hidden sizes"),
  BETA("beta"),
  LAMBDA("lambda"),
  VARIANCE("fixed variance"),
  LEARNING_RATE("learning rate"),
  BATCH("batch size"),
  EPOCHS("epochs"),
  SEED("seed");

  private final String label;

  Field(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
