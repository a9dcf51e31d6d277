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
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.DirectTaskExecutor;
import org.latentexplorer.model.data.DataFormatException;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.data.DatasetReaders;
import org.latentexplorer.model.data.ImageShape;
import org.latentexplorer.model.metrics.MetricHistory;
import org.latentexplorer.model.train.Provenance;
import org.latentexplorer.model.train.Timeline;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

class WorkspaceTest {
  @TempDir Path dir;

  private Workspace workspace() {
    return new Workspace(
        new DirectTaskExecutor(),
        new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
  }

  private static ModelFiles files(Workspace w) {
    return new ModelFiles(w, new Sessions(w, new Autosave(w)));
  }

  private static DatasetOpener opener(Workspace w) {
    return new DatasetOpener(w, new Sessions(w, new Autosave(w)));
  }

  @Test
  void anEmptyModelFileIsRefusedWithItsReasonAndNothingElseChanges() throws IOException {
    Workspace w = workspace();
    Path empty = Files.createFile(dir.resolve("empty.lex"));

    files(w).open(empty);

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
    String expected =
        assertThrows(DataFormatException.class, () -> DatasetReaders.read(garbage)).getMessage();

    opener(w).open(new DatasetChoice.File(garbage));

    assertEquals("Could not open the data set", w.problemProperty().get().title());
    assertEquals(expected, w.problemProperty().get().message());
    assertEquals(null, w.data());
  }

  @Test
  void aDataSetTooSmallToSplitIsRefused() {
    Dataset tiny = new Dataset("tiny", 2, 2, new float[4 * 3], null, java.util.List.of());
    DatasetChoice choice = new DatasetChoice.File(dir.resolve("tiny.csv"));

    DataFormatException e =
        assertThrows(DataFormatException.class, () -> LoadedData.of(choice, tiny));

    assertEquals(
        "tiny.csv holds 3 images; at least 10 are needed to train and test a model",
        e.getMessage());
  }

  @Test
  void aModelIsReopenedWithTheBundledDataItWasTrainedOn() throws IOException {
    TrainerState state = state(named("MNIST digits", 28, 28), 28, 28);

    LoadedData d = ModelFiles.dataFor(state, null, "m.lex");

    assertEquals("MNIST digits", d.all().name());
    assertEquals(LoadedData.TEST_FRACTION * d.all().size(), d.test().size(), 1);
  }

  @Test
  void theCurrentDataIsKeptWhenItHoldsTheImagesTheModelWasTrainedOnWhateverItsName()
      throws IOException {
    LoadedData current = loaded("my digits", 0.5f);
    DataReference sameImages = current.trainReference();
    DataReference renamed =
        new DataReference(
            "MNIST digits",
            sameImages.role(),
            sameImages.imageCount(),
            sameImages.shape(),
            sameImages.pixelSha256());
    TrainerState state = state(renamed, 28, 28);

    assertSame(current, ModelFiles.dataFor(state, current, "m.lex"));
    assertEquals(
        Optional.empty(),
        ModelFiles.otherData(
            state, new LoadedData(current.choice(), current.all(), current.split())));
  }

  @Test
  void otherImagesOfTheRightSizeAreUsedAndNamedPrecisely() throws IOException {
    LoadedData theirs = loaded("their digits", 0.25f);
    LoadedData mine = loaded("my digits", 0.75f);
    TrainerState state = state(theirs.trainReference(), 28, 28);

    assertSame(mine, ModelFiles.dataFor(state, mine, "m.lex"));
    String note = ModelFiles.otherData(state, mine).orElseThrow();
    assertTrue(
        note.matches(
            "the model was trained on 'their digits' \\(16 train images, 28x28,"
                + " pixels [0-9a-f]{12}\u2026\\); opened with 'my digits' \\(16 train images, 28x28,"
                + " pixels [0-9a-f]{12}\u2026\\)"),
        note);
  }

  @Test
  void aModelForOtherImagesSaysWhichSizeItNeeds() throws IOException {
    Dataset mine = new Dataset("faces", 28, 20, new float[560 * 20], null, java.util.List.of());
    LoadedData current = LoadedData.of(new DatasetChoice.File(dir.resolve("f.mat")), mine);

    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () ->
                ModelFiles.dataFor(
                    state(named("someone's scans", 32, 32), 32, 32), current, "m.lex"));

    assertEquals(
        "m.lex is a model of 32x32 images (trained on 'someone's scans' (train images,"
            + " 32x32; count and pixels not recorded)); open a data set with images of that size"
            + " first",
        e.getMessage());
  }

  @Test
  void aModelThatNamesNoDataIsOpenedWithTheCurrentImagesIfTheyFit() throws IOException {
    LoadedData current = loaded("my digits", 0.5f);
    TrainerState state =
        new TrainerState(
            ModelConfig.defaults(ModelFamily.VAE, 28, 28),
            TrainingConfig.defaults(),
            Provenance.unknown(List.of()),
            new float[0],
            new float[0],
            0,
            new float[0],
            0,
            1e-3,
            0,
            0,
            0,
            MetricHistory.empty(),
            Timeline.empty());

    assertSame(current, ModelFiles.dataFor(state, current, "m.lex"));
    assertEquals(Optional.empty(), ModelFiles.otherData(state, current));
  }

  /** 20 images of 28x28, every pixel {@code gray}: 16 to train on, 4 to test. */
  private LoadedData loaded(String name, float gray) throws IOException {
    float[] pixels = new float[784 * 20];
    java.util.Arrays.fill(pixels, gray);
    return LoadedData.of(
        new DatasetChoice.File(dir.resolve(name + ".csv")),
        new Dataset(name, 28, 28, pixels, null, List.of()));
  }

  /** A reference as format 1 files give it: a name and the model's image size. */
  private static DataReference named(String name, int h, int w) {
    return new DataReference(name, DataReference.Role.TRAIN, 0, new ImageShape(h, w), "");
  }

  @Test
  void savedFilesGetTheModelExtension() {
    assertEquals(dir.resolve("run.lex"), ModelFiles.withExtension(dir.resolve("run")));
    assertEquals(dir.resolve("run.LEX"), ModelFiles.withExtension(dir.resolve("run.LEX")));
  }

  @Test
  void problemsNeverShowAStackTrace() {
    String m =
        Problem.describe(
            new java.util.concurrent.CompletionException(
                new IllegalStateException("first line\n\tat some.Frame")));
    assertEquals("first line", m);
    assertTrue(Problem.describe(new NullPointerException()).contains("NullPointerException"));
  }

  private static TrainerState state(DataReference trainedOn, int h, int w) {
    return new TrainerState(
        ModelConfig.defaults(ModelFamily.VAE, h, w),
        TrainingConfig.defaults(),
        Provenance.unknown(List.of(trainedOn)),
        new float[0],
        new float[0],
        0,
        new float[0],
        0,
        1e-3,
        0,
        0,
        0,
        MetricHistory.empty(),
        Timeline.empty());
  }
}
