package org.latentexplorer.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.Choice;
import org.latentexplorer.app.fx.DirectTaskExecutor;
import org.latentexplorer.app.workspace.Autosave;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.DatasetOpener;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.app.workspace.Sessions;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.vae.DecoderVariance;
import org.latentexplorer.model.vae.Likelihood;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;
import org.latentexplorer.model.vae.Posterior;

class SetupViewModelTest {
  @TempDir Path home;

  private Sessions sessions;
  private DatasetOpener opener;

  private SetupViewModel form(long heap) {
    Workspace w =
        new Workspace(
            new DirectTaskExecutor(), new Settings(home, false, false, Duration.ofMinutes(2)));
    sessions = new Sessions(w, new Autosave(w));
    opener = new DatasetOpener(w, sessions);
    return new SetupViewModel(w, sessions, opener, heap);
  }

  @AfterEach
  void close() {
    if (sessions != null) {
      sessions.dispose();
    }
  }

  private SetupViewModel form() {
    return form(8L << 30);
  }

  @Test
  void theDefaultsAreAValidTwoDimensionalVae() {
    SetupViewModel f = form();

    assertTrue(f.validProperty().get());
    assertNotNull(f.built());
    assertEquals(ModelFamily.VAE, f.built().model().family());
    assertEquals(2, f.built().model().latentDim());
    assertEquals(List.of(512), f.built().model().hidden());
    assertEquals(128, f.built().training().batchSize());
    assertEquals("0.001", f.textProperty(Field.LEARNING_RATE).get());
  }

  @Test
  void aLatentSizeThatIsNotANumberIsRefusedWithItsReason() {
    SetupViewModel f = form();

    f.textProperty(Field.LATENT).set("two");

    assertFalse(f.validProperty().get());
    assertEquals("\"two\" is not a whole number.", f.errorProperty(Field.LATENT).get());
    assertEquals("", f.errorProperty(Field.HIDDEN).get(), "other fields stay fine");
  }

  @Test
  void outOfRangeValuesSayTheRange() {
    SetupViewModel f = form();

    f.textProperty(Field.LATENT).set("100");
    f.textProperty(Field.BATCH).set("1");
    f.textProperty(Field.LEARNING_RATE).set("0");

    assertEquals("Must be between 1 and 64.", f.errorProperty(Field.LATENT).get());
    assertEquals("Must be between 2 and 4096.", f.errorProperty(Field.BATCH).get());
    assertEquals("Must be above 0 and at most 10.", f.errorProperty(Field.LEARNING_RATE).get());
    assertFalse(f.validProperty().get());

    f.textProperty(Field.LATENT).set("8");
    f.textProperty(Field.BATCH).set("64");
    f.textProperty(Field.LEARNING_RATE).set("3e-4");
    assertTrue(f.validProperty().get());
    assertEquals(8, f.built().model().latentDim());
    assertEquals(3e-4, f.built().training().learningRate());
  }

  @Test
  void hiddenSizesAreAListOfWidths() {
    SetupViewModel f = form();

    f.textProperty(Field.HIDDEN).set("512, 256 128");
    assertEquals(List.of(512, 256, 128), f.built().model().hidden());

    f.textProperty(Field.HIDDEN).set("512, wide");
    assertEquals(
        "Widths separated by commas, e.g. 512 or 512, 256.", f.errorProperty(Field.HIDDEN).get());
    assertFalse(f.validProperty().get());
  }

  @Test
  void aWaeGetsADeterministicEncoderAndItsLambda() {
    SetupViewModel f = form();

    f.familyProperty().set(ModelFamily.WAE);

    assertEquals(List.of(Posterior.DETERMINISTIC), f.posteriors());
    assertEquals(Posterior.DETERMINISTIC, f.posteriorProperty().get());
    assertTrue(f.usesLambdaProperty().get());
    assertFalse(f.usesBetaProperty().get());
    assertTrue(f.validProperty().get());
    assertEquals(10.0, f.built().model().waeLambda());

    f.textProperty(Field.LAMBDA).set("-1");
    assertEquals("Must be at least 0 and at most 1000000.", f.errorProperty(Field.LAMBDA).get());
  }

  @Test
  void aModelTooLargeForTheMemoryIsRefusedBeforeItIsBuilt() {
    SetupViewModel f = form(64L << 20);

    f.textProperty(Field.HIDDEN).set("4096, 4096");

    assertFalse(f.validProperty().get());
    assertTrue(
        f.formErrorProperty().get().contains("weights and needs about"),
        f.formErrorProperty().get());
  }

  @Test
  void withoutARunningModelAValidFormCanBeApplied() {
    SetupViewModel f = form();

    assertTrue(f.dirtyProperty().get());
    assertTrue(f.applyHintProperty().get().startsWith("Apply builds a new model"));
  }

  /** What a drop-down list of the choice shows, in order. */
  private static <T> List<String> shown(Choice<T> c) {
    return c.options().stream().map(c::label).toList();
  }

  @Test
  void theListsOfferTheEngineSettingsByTheirNames() {
    SetupViewModel f = form();

    assertEquals(List.of("VAE", "AAE", "WAE-MMD"), shown(f.familyChoice()));
    assertEquals(List.of("ReLU", "tanh", "softplus"), shown(f.activationChoice()));
    assertEquals(List.of("Bernoulli", "Gaussian"), shown(f.likelihoodChoice()));
    assertEquals(List.of("Adam", "Adagrad", "SGD"), shown(f.optimizerChoice()));
    assertEquals(List.of("analytic", "Monte Carlo"), shown(f.klEstimatorChoice()));
    assertEquals(4, f.binarizationChoice().options().size());
    assertEquals("VAE", f.familyChoice().label(f.familyChoice().valueProperty().get()));
    assertEquals("MNIST digits", f.datasetChoice().label(f.datasetChoice().options().get(0)));
  }

  @Test
  void pickingAFamilyInItsListChangesThePosteriorsOffered() {
    SetupViewModel f = form();
    assertEquals(
        List.of("diagonal Gaussian", "full-covariance Gaussian"), shown(f.posteriorChoice()));

    f.familyChoice().valueProperty().set(f.familyChoice().labels().fromString("WAE-MMD"));

    assertEquals(ModelFamily.WAE, f.built().model().family());
    assertEquals(List.of("deterministic"), shown(f.posteriorChoice()));
    assertEquals(
        "deterministic", f.posteriorChoice().label(f.posteriorChoice().valueProperty().get()));
  }

  @Test
  void aBernoulliModelHasNoVarianceToChoose() {
    SetupViewModel f = form();

    assertEquals(Likelihood.BERNOULLI, f.built().model().likelihood());
    assertFalse(f.usesVarianceProperty().get());
    assertFalse(f.usesFixedVarianceProperty().get());
    f.textProperty(Field.VARIANCE).set("not read");
    assertTrue(f.validProperty().get(), "a field that is off is not read");
    assertEquals("", f.errorProperty(Field.VARIANCE).get());
  }

  @Test
  void aNewGaussianModelLearnsOneSharedVarianceAndTheOtherChoicesAreOffered() {
    SetupViewModel f = form();
    assertEquals(
        List.of("learned per pixel", "one learned for all pixels", "fixed"),
        shown(f.varianceChoice()));

    f.likelihoodChoice().valueProperty().set(Likelihood.GAUSSIAN);

    assertTrue(f.usesVarianceProperty().get());
    assertFalse(f.usesFixedVarianceProperty().get(), "a learned variance has no value to type");
    assertEquals(DecoderVariance.SHARED, f.built().model().variance());

    f.varianceChoice().valueProperty().set(DecoderVariance.Kind.FIXED);
    assertTrue(f.usesFixedVarianceProperty().get());
    assertEquals("0.05", f.textProperty(Field.VARIANCE).get());
    assertEquals(DecoderVariance.fixed(0.05), f.built().model().variance());

    f.textProperty(Field.VARIANCE).set("0.2");
    assertEquals(DecoderVariance.fixed(0.2), f.built().model().variance());
    f.textProperty(Field.VARIANCE).set("2");
    assertFalse(f.validProperty().get());
    assertEquals(
        "Must be between 0.00034 (the learned variances' floor) and 1.",
        f.errorProperty(Field.VARIANCE).get());

    f.varianceChoice()
        .valueProperty()
        .set(f.varianceChoice().labels().fromString("learned per pixel"));
    assertFalse(f.usesFixedVarianceProperty().get(), "a learned variance has no value to type");
    assertTrue(f.validProperty().get(), "so the bad value is not read");
    assertEquals(DecoderVariance.PER_PIXEL, f.built().model().variance());
    f.varianceChoice().valueProperty().set(DecoderVariance.Kind.SHARED);
    assertEquals(DecoderVariance.SHARED, f.built().model().variance());
  }

  @Test
  void openingAGaussianModelShowsItsVarianceChoice() {
    SetupViewModel f = form();
    RunConfig d = RunConfig.defaults(28, 28);
    ModelConfig gaussian = d.model().withLikelihood(Likelihood.GAUSSIAN);

    f.load(new RunConfig(gaussian.withVariance(DecoderVariance.fixed(0.1)), d.training()));
    assertEquals(DecoderVariance.Kind.FIXED, f.varianceChoice().valueProperty().get());
    assertEquals("0.1", f.textProperty(Field.VARIANCE).get());
    assertEquals(DecoderVariance.fixed(0.1), f.built().model().variance());

    f.load(new RunConfig(gaussian.withVariance(DecoderVariance.SHARED), d.training()));
    assertEquals(DecoderVariance.Kind.SHARED, f.varianceChoice().valueProperty().get());
    assertFalse(f.usesFixedVarianceProperty().get());
    assertEquals(DecoderVariance.SHARED, f.built().model().variance());

    f.load(new RunConfig(gaussian, d.training()));
    assertEquals(
        DecoderVariance.Kind.PER_PIXEL,
        f.varianceChoice().valueProperty().get(),
        "a file from before the choice learned its variances per pixel");
  }

  @Test
  void theDataSummaryNamesTheOpenedImagesAndTheirSplit() throws java.io.IOException {
    SetupViewModel f = form();
    assertEquals("", f.dataSummaryProperty().get(), "nothing loaded yet");
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      csv.append(String.join(",", java.util.Collections.nCopies(16, "0.5"))).append('\n');
    }
    Path file = java.nio.file.Files.writeString(home.resolve("squares.csv"), csv);

    opener.open(new DatasetChoice.File(file));

    assertEquals("squares.csv: 16 train / 4 test, 4x4", f.dataSummaryProperty().get());
    assertEquals("squares.csv", f.datasetChoice().label(f.datasetChoice().valueProperty().get()));
  }
}
