package org.latentexplorer.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.DirectTaskExecutor;
import org.latentexplorer.model.data.DataFormatException;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.DatasetReaders;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

class WorkspaceTest {
  @TempDir
  Path dir;

  private Workspace workspace() {
    return new Workspace(new DirectTaskExecutor(),
        new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
  }

  @Test
  void anEmptyModelFileIsRefusedWithItsReasonAndNothingElseChanges() throws IOException {
    Workspace w = workspace();
    Path empty = Files.createFile(dir.resolve("empty.lex"));

    w.openModel(empty);

    Problem p = w.problemProperty().get();
    assertNotNull(p);
    assertEquals("Could not open the model", p.title());
    assertEquals("empty.lex is empty (0 bytes)", p.message());
    assertEquals("", w.busyProperty().get(), "the app is usable again");
    assertEquals(null, w.session());
  }

  @Test
  void aGarbageIdxFileIsRefusedWithTheReadersMessage() throws IOException {
    Workspace w = workspace();
    Path garbage = dir.resolve("train-images-idx3-ubyte");
    byte[] bytes = new byte[4096];
    new Random(3).nextBytes(bytes);
    bytes[0] = 0;
    bytes[1] = 0;
    bytes[2] = 8;
    bytes[3] = 3;
    Files.write(garbage, bytes);
    String expected = assertThrows(DataFormatException.class,
        () -> DatasetReaders.read(garbage)).getMessage();

    w.openDataset(new DatasetChoice.File(garbage));

    assertEquals("Could not open the data set", w.problemProperty().get().title());
    assertEquals(expected, w.problemProperty().get().message());
    assertEquals(null, w.data());
  }

  @Test
  void aDataSetTooSmallToSplitIsRefused() {
    Dataset tiny = new Dataset("tiny", 2, 2, new float[4 * 3], null, java.util.List.of());
    DatasetChoice choice = new DatasetChoice.File(dir.resolve("tiny.csv"));

    DataFormatException e = assertThrows(DataFormatException.class,
        () -> LoadedData.of(choice, tiny));

    assertEquals("tiny.csv holds 3 images; at least 10 are needed to train and test a model",
        e.getMessage());
  }

  @Test
  void aModelIsReopenedWithTheBundledDataItWasTrainedOn() throws IOException {
    TrainerState state = state("MNIST digits (train)", 28, 28);

    LoadedData d = Workspace.dataFor(state, null, "m.lex");

    assertEquals("MNIST digits", d.all().name());
    assertEquals(LoadedData.TEST_FRACTION * d.all().size(), d.test().size(), 1);
  }

  @Test
  void theCurrentDataIsKeptWhenItIsTheOneTheModelWasTrainedOn() throws IOException {
    Dataset mine = new Dataset("my digits", 28, 28, new float[784 * 20], null,
        java.util.List.of());
    LoadedData current = LoadedData.of(new DatasetChoice.File(dir.resolve("x.csv")), mine);

    assertSame(current, Workspace.dataFor(state("my digits (train)", 28, 28), current, "m.lex"));
  }

  @Test
  void aModelForOtherImagesSaysWhichSizeItNeeds() throws IOException {
    Dataset mine = new Dataset("faces", 28, 20, new float[560 * 20], null, java.util.List.of());
    LoadedData current = LoadedData.of(new DatasetChoice.File(dir.resolve("f.mat")), mine);

    DataFormatException e = assertThrows(DataFormatException.class,
        () -> Workspace.dataFor(state("someone's scans (train)", 32, 32), current, "m.lex"));

    assertEquals("m.lex is a model of 32x32 images (trained on someone's scans); open a data set"
        + " with images of that size first", e.getMessage());
  }

  @Test
  void savedFilesGetTheModelExtension() {
    assertEquals(dir.resolve("run.lex"), Workspace.withExtension(dir.resolve("run")));
    assertEquals(dir.resolve("run.LEX"), Workspace.withExtension(dir.resolve("run.LEX")));
  }

  @Test
  void problemsNeverShowAStackTrace() {
    String m = Problem.describe(new java.util.concurrent.CompletionException(
        new IllegalStateException("first line\n\tat some.Frame")));
    assertEquals("first line", m);
    assertTrue(Problem.describe(new NullPointerException()).contains("NullPointerException"));
  }

  private static TrainerState state(String dataset, int h, int w) {
    return new TrainerState(ModelConfig.defaults(ModelFamily.VAE, h, w),
        TrainingConfig.defaults(), dataset, new float[0], new float[0], 0, new float[0], 0, 1e-3,
        0, 0, 0, MetricHistory.empty());
  }
}
