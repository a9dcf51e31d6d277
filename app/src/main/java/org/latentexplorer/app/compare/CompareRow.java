package org.latentexplorer.app.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.image.Image;
import org.latentexplorer.app.render.Frame;

/**
 * One model's row of the comparison as it is shown, immutable by convention (the images are made
 * once, before the row): name, description, its numbers as text, and its four pictures with their
 * titles.
 */
public record CompareRow(
    ComparedModel model,
    String name,
    String description,
    List<Entry> numbers,
    List<Picture> pictures) {
  /**
   * A number and what it is, e.g. "test ELBO" and "-98.12". Immutable.
   *
   * @param key the number itself, for sorting; NaN where the value is a dash
   */
  public record Entry(String label, String value, double key) {}

  /** What the numbers of every row are, in order: the columns of the comparison. */
  public static final List<String> NUMBER_LABELS =
      List.of(
          "steps",
          "test squared error",
          "test ELBO",
          "log p(x), IS (L=" + ModelEvaluation.IS_SAMPLES + ")",
          "bits/dim (test ELBO)",
          "active units");

  /** A picture and its title. Immutable by convention. */
  public record Picture(String title, Image image) {}

  public CompareRow {
    numbers = List.copyOf(numbers);
    pictures = List.copyOf(pictures);
  }

  /** The row of {@code m}, its frames turned into images by {@code toImage}. */
  static CompareRow of(ComparedModel m, Function<Frame, Image> toImage) {
    boolean plane = m.latentDim() > 2;
    List<Entry> numbers =
        List.of(
            entry(0, String.format("%,d", m.steps()), m.steps()),
            entry(1, number(m.squaredError()), m.squaredError()),
            entry(2, number(m.elbo()), m.elbo()),
            entry(3, number(m.logLikelihood()), m.logLikelihood()),
            entry(
                4,
                Double.isNaN(m.bitsPerDimension())
                    ? "\u2014"
                    : String.format(Locale.ROOT, "%.4f", m.bitsPerDimension()),
                m.bitsPerDimension()),
            entry(5, m.activeUnits() + " of " + m.latentDim(), m.activeUnits()));
    List<Picture> pictures =
        List.of(
            new Picture(plane ? "Scatter (PCA plane)" : "Scatter", toImage.apply(m.scatter())),
            new Picture(
                plane ? "Manifold (PCA plane)" : "Manifold over [-3, 3]\u00b2",
                toImage.apply(m.manifold())),
            new Picture("Samples from the prior", toImage.apply(m.samples())),
            new Picture("Test images over reconstructions", toImage.apply(m.pairs())));
    return new CompareRow(m, m.name(), m.description(), numbers, pictures);
  }

  private static Entry entry(int column, String value, double key) {
    return new Entry(NUMBER_LABELS.get(column), value, key);
  }

  /** The columns whose figures are on the decoder's own scale: the ELBO and log p(x). */
  private static final Set<Integer> DECODER_SCALE = Set.of(2, 3);

  /**
   * Rows ordered by their number in {@code column} of {@link #NUMBER_LABELS}, smallest first or,
   * when {@code descending}, largest first; either way the rows without that number (a dash) come
   * last, since "no ELBO" is neither better nor worse than any ELBO. For the ELBO and log p(x), the
   * rows whose figures bound the probability of 8-bit images (a dequantised Gaussian decoder, with
   * bits/dim) are ranked among themselves, after the others: a Bernoulli decoder's figures on gray
   * pixels are not on that scale.
   */
  static Comparator<CompareRow> byNumber(int column, boolean descending) {
    return (a, b) -> {
      double x = a.numbers().get(column).key();
      double y = b.numbers().get(column).key();
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
      }
      if (DECODER_SCALE.contains(column)) {
        int scale = Boolean.compare(a.boundsEightBitImages(), b.boundsEightBitImages());
        if (scale != 0) {
          return scale;
        }
      }
      return descending ? Double.compare(y, x) : Double.compare(x, y);
    };
  }

  private boolean boundsEightBitImages() {
    return !Double.isNaN(model.bitsPerDimension());
  }

  /** Two decimals, or a dash for a number the family does not have. */
  private static String number(double v) {
    return Double.isNaN(v) ? "\u2014" : String.format(Locale.ROOT, "%.2f", v);
  }
}
