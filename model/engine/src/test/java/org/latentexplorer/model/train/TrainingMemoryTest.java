package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.Binarization;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.nn.OptimizerKind;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** The heap estimate of a training run against hand-computed and measured numbers. */
class TrainingMemoryTest {
  /**
   * A 784-512-2 VAE: 784 x 512 + 512, 512 x 4 + 4 (means and log-variances), 2 x 512 + 512 and 512
   * x 784 + 784.
   */
  private static final long DEFAULT_VAE_WEIGHTS = 401_920 + 2_052 + 1_536 + 402_192;

  private static final ModelConfig VAE = ModelConfig.defaults(ModelFamily.VAE, 28, 28);

  @Test
  void aDefaultVaeOnTenThousandDigitsNeedsWhatHandCountingGives() {
    TrainingMemory m = TrainingMemory.of(VAE, TrainingConfig.defaults(), 8_000, 2_000);

    assertEquals(807_700, DEFAULT_VAE_WEIGHTS);
    assertEquals(DEFAULT_VAE_WEIGHTS, m.weights());
    // Adam: S = 2 P. State S, the guard's P + S, 3 P of snapshots, P + S for a save: 5 P + 3 S.
    assertEquals(4 * (5 * 807_700L + 3 * 1_615_400L), m.modelBytes());
    assertEquals(35_538_800, m.modelBytes());
    // 10,000 images as floats with their labels, 784 x 4 + 4 bytes; the split and the 1,000 live
    // test images are views, an index and a label each.
    assertEquals(10_000 * 3_140L + 11_000 * 8, m.imageBytes());
    assertEquals(31_488_000, m.imageBytes());
    // And the minibatch, 128 x 784 floats.
    assertEquals(35_538_800 + 31_488_000 + 401_408, m.totalBytes());
  }

  @Test
  void aBinarizationDrawnInAdvanceAndAdagradCountAsHandCountingGives() {
    TrainingConfig t =
        TrainingConfig.defaults()
            .withOptimizer(OptimizerKind.ADAGRAD)
            .withBinarization(Binarization.FIXED)
            .withBatchSize(64);
    TrainingMemory m = TrainingMemory.of(VAE, t, 8_000, 2_000);

    // S = P: P + (P + P) + 3 P + (P + P) = 8 P.
    assertEquals(4 * 8 * 807_700L, m.modelBytes());
    // The binarized copy of all 10,000 images, a byte a pixel, on top of the set and its views.
    assertEquals(31_488_000 + 10_000 * 788L, m.imageBytes());
    assertEquals(4 * 8 * 807_700L + 39_368_000 + 64 * 784 * 4, m.totalBytes());

    TrainingMemory dynamic =
        TrainingMemory.of(VAE, t.withBinarization(Binarization.DYNAMIC), 8_000, 2_000);
    // Only the test set is drawn once, for scoring.
    assertEquals(31_488_000 + 2_000 * 788L, dynamic.imageBytes());
  }

  @Test
  void eightBitImagesCountAByteAPixelAndTheDequantizedTestSetAsFloats() {
    float[] levels = new float[10 * 784];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = (i % 256) / 255f;
    }
    Dataset.Split split =
        new Dataset("levels", 28, 28, levels, null, List.of(), true).split(0.2, 1);
    TrainingMemory bernoulli = TrainingMemory.of(VAE, TrainingConfig.defaults(), split);
    // 784 + 4 bytes an image for the set, 8 for its view.
    assertEquals(10 * 796L, bernoulli.imageBytes());

    ModelConfig gaussian = VAE.withLikelihood(Likelihood.GAUSSIAN);
    TrainingMemory dequantized = TrainingMemory.of(gaussian, TrainingConfig.defaults(), split);
    // And the two test images, dequantized once as floats for scoring.
    assertEquals(10 * 796L + 2 * 3_140L, dequantized.imageBytes());
  }

  @Test
  void anAaeCountsItsDiscriminatorAndItsState() {
    ModelConfig aae = ModelConfig.defaults(ModelFamily.AAE, 28, 28);
    TrainingMemory m = TrainingMemory.of(aae, TrainingConfig.defaults(), 0, 0);

    long p = aae.autoencoderParameterCount() + aae.discriminatorParameterCount();
    assertTrue(aae.discriminatorParameterCount() > 0);
    assertEquals(p, m.weights());
    assertEquals(4 * 11 * p, m.modelBytes());
    assertEquals(0, m.imageBytes());
  }

  /**
   * What a run really holds, measured on the heap after collections: the data set and its split, a
   * trainer, a published snapshot and a saved state. The estimate counts two snapshots more than
   * are alive here, but not the collector's rounding of large arrays up to whole regions (about 5%
   * more here) or the run's small objects: what it lets through must fit the heap, within the share
   * it leaves unplanned, and it must not refuse runs that need much less.
   */
  @Test
  void theEstimateCoversWhatARunHoldsWithoutMuchToSpare() throws DivergenceException {
    ModelConfig model = VAE.withHidden(List.of(1024));
    TrainingConfig training = TrainingConfig.defaults();
    // ND4J's and the kernels' one-time set-up is not part of a run.
    new Trainer(
            VAE.withHidden(List.of(8)),
            TrainingConfig.defaults().withBatchSize(8),
            randomImages(40, 2).split(0.5, 1))
        .step();
    // Earlier tests' garbage is freed first, so that little of it is left to be counted as the
    // run's when the run is dropped.
    settledHeapUse();
    List<Object> run = heldByARun(model, training, randomImages(6_000, 1));
    long held = settledHeapUse();
    Dataset.Split split = (Dataset.Split) run.get(1);
    long estimate = TrainingMemory.of(model, training, split).totalBytes();
    // Dropped, so that the next collections free what the run held.
    split = null;
    run = null;
    long measured = held - settledHeapUse();

    assertTrue(
        measured <= estimate * 100.0 / TrainingMemory.PLANNED_PERCENT,
        "measured " + measured + " beyond the estimate " + estimate + " and its headroom");
    assertTrue(
        estimate <= 1.25 * measured,
        "estimate " + estimate + " far above the measured " + measured);
  }

  /** The data set, its split, a trainer on it, a published snapshot and a saved state. */
  private static List<Object> heldByARun(ModelConfig model, TrainingConfig training, Dataset all) {
    Dataset.Split split = all.split(0.2, 1);
    Trainer trainer = new Trainer(model, training, split);
    return List.of(all, split, trainer, trainer.snapshot(1, RunState.RUNNING), trainer.state());
  }

  /**
   * Heap in use once collections stop freeing more: the ND4J arrays of finished tests leave their
   * Java objects to reference processing, which frees them a few collections later, on threads that
   * need time to run between the collections; three readings in a row within 1 MB.
   */
  private static long settledHeapUse() {
    Runtime r = Runtime.getRuntime();
    long previous = Long.MAX_VALUE;
    int steady = 0;
    for (int i = 0; i < 100; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long used = r.totalMemory() - r.freeMemory();
      steady = Math.abs(previous - used) < 1 << 20 ? steady + 1 : 0;
      if (steady == 3) {
        return used;
      }
      previous = used;
    }
    return previous;
  }

  private static Dataset randomImages(int n, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[n * 784];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return new Dataset("noise", 28, 28, pixels, null, List.of());
  }

  @Test
  void aRunFitsFromItsMinimumHeapOnAndNotOneByteBelow() {
    TrainingMemory m = TrainingMemory.of(VAE, TrainingConfig.defaults(), 8_000, 2_000);
    long min = m.minimumHeapBytes();

    assertTrue(m.fits(min));
    assertTrue(m.refusal(min).isEmpty());
    assertFalse(m.fits(min - 1));
    assertTrue(m.refusal(min - 1).isPresent());
    // 80% of the heap: the total is within a byte of four fifths of the minimum heap.
    assertTrue(m.totalBytes() <= min * 0.8 && m.totalBytes() > (min - 2) * 0.8, "min " + min);
    assertTrue(m.fits(Long.MAX_VALUE), "a heap without a limit fits everything");
  }

  @Test
  void thePlannedShareIsFourFifthsRoundedDownWithoutOverflow() {
    assertEquals(80, TrainingMemory.plannedBytes(100));
    assertEquals(79, TrainingMemory.plannedBytes(99));
    assertEquals(0, TrainingMemory.plannedBytes(1));
    assertEquals(0, TrainingMemory.plannedBytes(0));
    assertEquals(
        Long.MAX_VALUE / 100 * 80 + 7 * 80 / 100, TrainingMemory.plannedBytes(Long.MAX_VALUE));
  }

  @Test
  void theRefusalSaysWhatIsNeededWhatMayBeUsedAndWhatToChange() {
    ModelConfig wide = VAE.withHidden(List.of(4096, 4096));
    TrainingMemory m = TrainingMemory.of(wide, TrainingConfig.defaults(), 270, 30);
    String reason = m.refusal(160L << 20).orElseThrow();

    assertEquals(
        String.format(
            "this model has %,d weights and needs about %,d MB of memory to"
                + " train on 300 images (%,d MB for the weights, the optimiser's state and their"
                + " copies, 1 MB for the images), more than the 128 MB it may use of a 160 MB Java"
                + " heap: use fewer or narrower hidden layers, or give Java a larger heap with -Xmx",
            wide.autoencoderParameterCount(),
            (m.totalBytes() + (1 << 20) - 1) >> 20,
            (m.modelBytes() + (1 << 20) - 1) >> 20),
        reason);
    // 300 images of 784 x 4 + 4 bytes and their views: 0.9 MB, shown rounded up.
    assertEquals(300 * 3_148, m.imageBytes());
    assertFalse(reason.contains("\n"));

    String noData =
        TrainingMemory.of(wide, TrainingConfig.defaults(), 0, 0).refusal(160L << 20).orElseThrow();
    assertTrue(noData.contains("MB of memory to train ("), noData);
  }

  @Test
  void whenTheImagesTakeMostTheRefusalAsksForFewerImages() {
    TrainingMemory m = TrainingMemory.of(VAE, TrainingConfig.defaults(), 900_000, 100_000);

    String reason = m.refusal(1L << 30).orElseThrow();
    assertTrue(m.imageBytes() > m.modelBytes());
    assertTrue(reason.endsWith(": use fewer images, or give Java a larger heap with -Xmx"), reason);
    assertTrue(reason.contains(" on 1,000,000 images "), reason);
  }

  @Test
  void negativeImageCountsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TrainingMemory.of(VAE, TrainingConfig.defaults(), -1, 10));
  }
}
