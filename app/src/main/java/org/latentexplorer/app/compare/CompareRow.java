package org.latentexplorer.app.compare;

import java.util.List;
import java.util.Locale;
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
  /** A number and what it is, e.g. "test ELBO" and "-98.12". Immutable. */
  public record Entry(String label, String value) {}

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
            new Entry("steps", String.format("%,d", m.steps())),
            new Entry("test squared error", number(m.squaredError())),
            new Entry("test ELBO", number(m.elbo())),
            new Entry(
                "log p(x), IS (L=" + ModelEvaluation.IS_SAMPLES + ")", number(m.logLikelihood())),
            new Entry(
                "bits/dim (test ELBO)",
                Double.isNaN(m.bitsPerDimension())
                    ? "\u2014"
                    : String.format(Locale.ROOT, "%.4f", m.bitsPerDimension())),
            new Entry("active units", m.activeUnits() + " of " + m.latentDim()));
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

  /** Two decimals, or a dash for a number the family does not have. */
  private static String number(double v) {
    return Double.isNaN(v) ? "\u2014" : String.format(Locale.ROOT, "%.2f", v);
  }
}
