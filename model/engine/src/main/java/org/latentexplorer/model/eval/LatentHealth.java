package org.latentexplorer.model.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which latent dimensions a model uses, read off an {@link Evaluation}: a VAE whose KL term wins
 * switches dimensions off (their posterior equals the prior, KL near 0), and one that switches off
 * all of them has a decoder that ignores z (posterior collapse). Immutable (arrays are copied).
 *
 * @param byKl dimension indices, the most informative first (largest KL; ties in index order);
 *     empty for a family without a KL
 * @param klPerDimension the average KL of each dimension, nats, by index
 * @param activeUnits dimensions whose posterior mean varies above {@link
 *     Evaluation#ACTIVE_UNIT_THRESHOLD}
 * @param dimensions the latent dimension d
 * @param unused indices of the dimensions whose KL is below {@link #UNUSED_KL}, ascending; shown to
 *     people as {@link #label}
 */
public record LatentHealth(
    int[] byKl, double[] klPerDimension, int activeUnits, int dimensions, int[] unused) {

  /**
   * KL per image below which a dimension counts as unused, nats: a hundredth of a nat carries
   * essentially nothing about the image.
   */
  public static final double UNUSED_KL = 0.01;

  public LatentHealth {
    byKl = byKl.clone();
    klPerDimension = klPerDimension.clone();
    unused = unused.clone();
  }

  /** The health of the latent space an evaluation saw. */
  public static LatentHealth of(Evaluation e, int dimensions) {
    return of(e.klPerDimension(), e.activeUnits(), dimensions);
  }

  /**
   * The health from an evaluation's KL per dimension (empty for a family without a KL) and its
   * count of active units, as a training snapshot carries them.
   */
  public static LatentHealth of(double[] kl, int activeUnits, int dimensions) {
    int[] byKl =
        IntStream.range(0, kl.length)
            .boxed()
            .sorted(Comparator.<Integer>comparingDouble(i -> -kl[i]).thenComparing(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    int[] unused = IntStream.range(0, kl.length).filter(i -> kl[i] < UNUSED_KL).toArray();
    return new LatentHealth(byKl, kl, activeUnits, dimensions, unused);
  }

  /** Whether every dimension is unused: q(z|x) is the prior and the decoder ignores z. */
  public boolean collapsed() {
    return klPerDimension.length > 0 && unused.length == klPerDimension.length;
  }

  /** A one-line warning when dimensions go unused, else empty. */
  public String warning() {
    if (collapsed()) {
      return String.format(
          Locale.ROOT,
          "posterior collapse: all %d latent dimensions carry less than %s nats of KL;"
              + " q(z|x) is the prior and the decoder ignores z",
          dimensions,
          UNUSED_KL);
    }
    if (unused.length > 0) {
      return String.format(
          Locale.ROOT,
          "%d of %d latent dimensions are unused (KL below %s nats): %s",
          unused.length,
          dimensions,
          UNUSED_KL,
          Arrays.stream(unused).mapToObj(LatentHealth::label).collect(Collectors.joining(", ")));
    }
    if (klPerDimension.length == 0 && activeUnits == 0) {
      return String.format(
          Locale.ROOT,
          "none of the %d latent dimensions is active: the codes barely vary between images",
          dimensions);
    }
    return "";
  }

  /** How a dimension is named to people: z1 for index 0, as on the manifold's axes. */
  public static String label(int index) {
    return "z" + (index + 1);
  }

  @Override
  public int[] byKl() {
    return byKl.clone();
  }

  @Override
  public double[] klPerDimension() {
    return klPerDimension.clone();
  }

  @Override
  public int[] unused() {
    return unused.clone();
  }
}
