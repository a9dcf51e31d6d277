package org.latentexplorer.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.app.render.Frame;
import org.latentexplorer.model.vae.ModelFamily;

/** How a compared model's numbers and pictures are labelled. */
class CompareRowTest {
  private final Frame scatter = Frame.allocate(1, 1);
  private final Frame manifold = Frame.allocate(1, 1);
  private final Frame samples = Frame.allocate(1, 1);
  private final Frame pairs = Frame.allocate(1, 1);
  private final List<Frame> drawn = new ArrayList<>();

  private CompareRow row(ModelFamily family, double elbo, int latentDim) {
    return row(family, elbo, Double.NaN, latentDim);
  }

  private CompareRow row(ModelFamily family, double elbo, double bits, int latentDim) {
    ComparedModel m =
        new ComparedModel(
            "run.lex",
            family,
            "a description",
            12_345,
            21.456,
            elbo,
            Double.NaN,
            bits,
            2,
            latentDim,
            scatter,
            manifold,
            samples,
            pairs);
    return CompareRow.of(
        m,
        frame -> {
          drawn.add(frame);
          return null;
        });
  }

  private static List<String> labels(CompareRow r) {
    return r.numbers().stream().map(e -> e.label() + " = " + e.value()).toList();
  }

  @Test
  void theNumbersAreRoundedAndThoseTheFamilyLacksAreADash() {
    CompareRow r = row(ModelFamily.WAE, Double.NaN, 2);

    assertEquals("run.lex", r.name());
    assertEquals("a description", r.description());
    assertEquals(
        List.of(
            "steps = " + String.format("%,d", 12_345),
            "test squared error = 21.46",
            "test ELBO = \u2014",
            "log p(x), IS (L=100) = \u2014",
            "bits/dim (test ELBO) = \u2014",
            "active units = 2 of 2"),
        labels(r));
    assertEquals("-98.13", row(ModelFamily.VAE, -98.125, 2).numbers().get(2).value());
    assertEquals(
        "bits/dim (test ELBO) = 4.1235",
        labels(row(ModelFamily.VAE, -2400, 4.123456, 2)).get(4),
        "a dequantised Gaussian run's bits per dimension, to four decimals");
  }

  @Test
  void sortingByANumberPutsTheRowsWithoutItLastEitherWay() {
    CompareRow low = row(ModelFamily.VAE, -120, 2);
    CompareRow high = row(ModelFamily.VAE, -90, 2);
    CompareRow none = row(ModelFamily.WAE, Double.NaN, 2);
    List<CompareRow> rows = new ArrayList<>(List.of(none, high, low));
    int elbo = CompareRow.NUMBER_LABELS.indexOf("test ELBO");

    rows.sort(CompareRow.byNumber(elbo, false));
    assertEquals(List.of(low, high, none), rows);
    rows.sort(CompareRow.byNumber(elbo, true));
    assertEquals(List.of(high, low, none), rows);
  }

  @Test
  void aDequantisedRunsBoundIsNotRankedAgainstABernoulliDecodersFigures() {
    CompareRow bernoulli = row(ModelFamily.VAE, -100, 2);
    CompareRow better = row(ModelFamily.VAE, -90, 2);
    CompareRow gaussian = row(ModelFamily.VAE, -2400, 4.4, 2);
    CompareRow sharper = row(ModelFamily.VAE, -2300, 4.2, 2);
    List<CompareRow> rows = new ArrayList<>(List.of(gaussian, bernoulli, sharper, better));
    int elbo = CompareRow.NUMBER_LABELS.indexOf("test ELBO");
    int bits = CompareRow.NUMBER_LABELS.indexOf("bits/dim (test ELBO)");

    rows.sort(CompareRow.byNumber(elbo, true));
    assertEquals(List.of(better, bernoulli, sharper, gaussian), rows, "each scale on its own");
    rows.sort(CompareRow.byNumber(elbo, false));
    assertEquals(List.of(bernoulli, better, gaussian, sharper), rows);
    rows.sort(CompareRow.byNumber(bits, false));
    assertEquals(List.of(sharper, gaussian), rows.subList(0, 2), "fewer bits/dim first");
  }

  @Test
  void thePicturesComeInOrderAndSayWhenTheyShowAPlaneOfAWiderLatent() {
    List<String> flat =
        row(ModelFamily.VAE, -98, 2).pictures().stream().map(CompareRow.Picture::title).toList();
    List<String> wide =
        row(ModelFamily.VAE, -98, 8).pictures().stream().map(CompareRow.Picture::title).toList();

    assertEquals(
        List.of(
            "Scatter",
            "Manifold over [-3, 3]\u00b2",
            "Samples from the prior",
            "Test images over reconstructions"),
        flat);
    assertEquals(
        List.of(
            "Scatter (PCA plane)",
            "Manifold (PCA plane)",
            "Samples from the prior",
            "Test images over reconstructions"),
        wide);
    assertEquals(List.of(scatter, manifold, samples, pairs), drawn.subList(0, 4));
  }
}
