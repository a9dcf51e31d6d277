package org.latentexplorer.app.curves;

/**
 * The units a curve's values are shown in. Immutable.
 *
 * <p>The engine records log-densities as they are computed. For a Gaussian decoder on dequantised
 * 8-bit pixels those are densities on [0, 1)^D and can be positive; what a class should read is the
 * bound on the probability of the discrete image, the density minus D log 256, which never is. Both
 * units show that bound; bits per dimension is the literature's unit for it. See {@link
 * CurveScale}.
 */
public enum CurveUnits {
  /** Nats per image: log-densities as computed, or the discrete bound when dequantised. */
  NATS_PER_IMAGE("nats per image"),
  /**
   * Bits per pixel of the discrete bound, -bound / (D ln 2), lower is better; KL as KL / (D ln 2).
   * Only for dequantised runs.
   */
  BITS_PER_DIMENSION("bits per dimension");

  private final String label;

  CurveUnits(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
