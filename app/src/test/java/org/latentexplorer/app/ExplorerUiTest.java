package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.latentexplorer.app.Awaits.await;
import static org.latentexplorer.app.Awaits.onFx;
import static org.latentexplorer.app.Awaits.pixels;
import static org.latentexplorer.app.Awaits.settledPixels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.FxTaskExecutor;
import org.latentexplorer.app.lesson.Lesson;
import org.latentexplorer.app.lesson.LessonFile;
import org.latentexplorer.app.setup.Control;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.model.data.DataFormatException;
import org.latentexplorer.model.data.DatasetReaders;
import org.latentexplorer.model.metrics.Metric;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer as a person uses it, headless: press Train and see the curves grow, drag a range
 * slider and see the manifold change, save and reopen a model, open broken files and read why, open
 * a lesson and see only what it needs.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerUiTest {
  @TempDir Path dir;

  private final ScriptedDialogs dialogs = new ScriptedDialogs();
  private Explorer explorer;

  @Start
  void start(Stage stage) throws IOException {
    Settings settings =
        new Settings(
            Files.createDirectories(dir.resolve("home")), false, false, Duration.ofMinutes(10));
    explorer = Explorer.open(stage, dialogs, settings, new FxTaskExecutor(), () -> {});
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(explorer::close).get(10, TimeUnit.SECONDS);
  }

  @Test
  void trainingDrawsCurvesAndDraggingARangeRedrawsTheManifold(FxRobot robot) throws Exception {
    awaitReady(robot);

    robot.clickOn("#trainButton");

    await(
        "the train ELBO curve to gain points",
        60,
        () -> points(robot, "#mainChart", Metric.TRAIN_ELBO.label()) >= 2);
    await(
        "the status bar to count steps",
        10,
        () -> stepOf(robot.lookup("#statusStep").queryAs(Label.class).getText()) > 0);
    // 2,000 test images: the live scores of the first 1,000 and the epoch's scores of all of
    // them are two curves, each named for its images.
    await(
        "a test ELBO curve for each set of test images",
        60,
        () ->
            points(robot, "#mainChart", Metric.TEST_ELBO.label()) >= 1
                && points(robot, "#mainChart", Metric.LIVE_TEST_ELBO.label()) >= 1);
    await(
        "the legend naming both",
        10,
        () -> !robot.lookup("#legend-LIVE_TEST_ELBO").queryAll().isEmpty());
    assertEquals(
        "test ELBO (whole set)",
        robot.lookup("#legend-TEST_ELBO").queryAs(javafx.scene.control.CheckBox.class).getText());
    assertEquals(
        "test ELBO (first 1,000)",
        robot
            .lookup("#legend-LIVE_TEST_ELBO")
            .queryAs(javafx.scene.control.CheckBox.class)
            .getText());
    robot.clickOn("#trainButton");
    await("training to pause", 20, () -> state() == RunState.PAUSED);
    await("the manifold of the paused model", 20, () -> manifold() != null);
    int[] before = settledPixels(explorer.parts().manifold().gridImage());

    Node lowThumb = robot.lookup("#rangeA .low-thumb").query();
    robot.drag(lowThumb, MouseButton.PRIMARY).moveBy(60, 0).drop();

    await(
        "the range to follow the drag",
        10,
        () -> explorer.parts().manifold().lowAProperty().get() > -2.9);
    await(
        "the manifold to be redrawn for the new range",
        20,
        () -> !Arrays.equals(before, pixels(manifold())));

    robot.doubleClickOn("#estimateSamplesField").write("5");
    robot.clickOn("#estimateButton");
    await(
        "the importance-sampled estimate",
        60,
        () -> text(robot, "#estimateText").startsWith("log p(x) \u2248"));
    await(
        "the estimate drawn as a point",
        10,
        () -> points(robot, "#mainChart", Metric.TEST_IS_LOG_LIKELIHOOD.label()) == 1);

    Path png = dir.resolve("manifold.png");
    dialogs.export = png;
    clickMenu(robot, "File", "Export", "Manifold as PNG\u2026");
    await("the exported picture", 20, () -> Files.isRegularFile(png));
    java.awt.image.BufferedImage exported = javax.imageio.ImageIO.read(png.toFile());
    assertEquals((int) manifold().getWidth(), exported.getWidth());
    // A view in a tab never opened joins the window to be exported as it would show.
    Path bound = dir.resolve("bound.png");
    dialogs.export = bound;
    clickMenu(robot, "File", "Export", "Bound against L as PNG\u2026");
    await("the exported bound", 20, () -> Files.isRegularFile(bound));
    java.awt.image.BufferedImage boundPicture = javax.imageio.ImageIO.read(bound.toFile());
    double boundWidth = onFx(() -> explorer.parts().boundView().getWidth());
    assertTrue(boundWidth > 100, "the bound view was laid out: " + boundWidth);
    assertEquals((int) Math.ceil(boundWidth), boundPicture.getWidth());
    Path csv = dir.resolve("curves.csv");
    dialogs.export = csv;
    clickMenu(robot, "File", "Export", "Curves as CSV\u2026");
    await("the exported curves", 20, () -> Files.isRegularFile(csv));
    java.util.List<String> lines = Files.readAllLines(csv);
    assertEquals("metric,samples_seen,value,units", lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("train_elbo,")), lines.toString());
  }

  @Test
  void theCurrentRunCanBeComparedOnTheTestSet(FxRobot robot) throws Exception {
    awaitReady(robot);
    for (int i = 0; i < 5; i++) {
      robot.clickOn("#stepButton");
    }
    for (int i = 0; i < 5; i++) {
      robot.push(KeyCode.CONTROL, KeyCode.RIGHT);
    }
    await(
        "ten steps, five of them by the keyboard shortcut",
        20,
        () -> snapshot().progress().step() == 10);

    robot.clickOn("#compareTab");
    robot.clickOn("#compareCurrentButton");

    await(
        "the run's row",
        60,
        () -> !explorer.parts().compareView().lookupAll(".compare-row").isEmpty());
    assertTrue(
        robot
            .lookup(".compare-row .compare-title")
            .queryAs(Label.class)
            .getText()
            .equals("Current run (VAE, step 10)"));
    assertEquals(
        4,
        robot.lookup(".compare-row .image-view").queryAll().size(),
        "scatter, manifold, samples and reconstructions are shown");
  }

  @Test
  void aSavedModelReopensWithItsCurvesAndSettings(FxRobot robot) throws Exception {
    awaitReady(robot);
    type(robot, "#latentField", "3");
    type(robot, "#hiddenField", "64");
    robot.clickOn("#applyButton");
    await("a 3-D model", 30, () -> snapshot() != null && snapshot().model().latentDim() == 3);

    robot.clickOn("#trainButton");
    await(
        "a few points of the curves",
        60,
        () -> snapshot().history().get(Metric.TRAIN_ELBO).size() >= 4);
    robot.clickOn("#trainButton");
    await("training to pause", 20, () -> state() == RunState.PAUSED);
    Snapshot saved = snapshot();
    long steps = saved.progress().step();
    int curvePoints = saved.history().get(Metric.TRAIN_ELBO).size();

    Path file = dir.resolve("three-d.lex");
    dialogs.saveModel = file;
    clickMenu(robot, "File", "Save model as\u2026");
    await(
        "the model file",
        30,
        () ->
            Files.isRegularFile(file)
                && file.equals(explorer.workspace().modelFileProperty().get()));
    assertTrue(robot.lookup("#statusNotice").queryAs(Label.class).getText().startsWith("Saved"));

    type(robot, "#latentField", "2");
    robot.clickOn("#applyButton");
    await(
        "a new, untrained 2-D model",
        30,
        () ->
            snapshot() != null
                && snapshot().model().latentDim() == 2
                && points(robot, "#mainChart") == 0);
    await(
        "the trained run autosaved before it was replaced",
        30,
        () -> Files.isRegularFile(dir.resolve("home").resolve(Settings.AUTOSAVE_NAME)));

    dialogs.openModel = file;
    clickMenu(robot, "File", "Open model\u2026");
    await(
        "the saved model back",
        30,
        () -> snapshot() != null && snapshot().model().latentDim() == 3);

    assertEquals("3", text(robot, "#latentField"));
    assertEquals("64", text(robot, "#hiddenField"));
    assertEquals(steps, snapshot().progress().step());
    assertEquals(curvePoints, snapshot().history().get(Metric.TRAIN_ELBO).size());
    await("the restored curves drawn", 10, () -> points(robot, "#mainChart") > 0);
    await(
        "the status bar at the saved step",
        10,
        () -> stepOf(robot.lookup("#statusStep").queryAs(Label.class).getText()) == steps);
    assertTrue(
        robot.window(0) instanceof Stage s && s.getTitle().endsWith("three-d.lex"),
        "the window is titled with the file");
  }

  @Test
  void brokenFilesAndBadValuesAreRefusedWithTheirReasons(FxRobot robot) throws Exception {
    awaitReady(robot);

    Path empty = Files.createFile(dir.resolve("empty.lex"));
    dialogs.openModel = empty;
    clickMenu(robot, "File", "Open model\u2026");
    await("the problem bar", 20, () -> robot.lookup("#problemBar").query().isVisible());
    assertEquals("empty.lex is empty (0 bytes)", text(robot, "#problemText"));
    assertFalse(
        robot.lookup("#trainButton").queryButton().isDisabled(),
        "the current model is still there to train");
    robot.clickOn("#problemDismiss");
    await("the problem bar to go", 10, () -> !robot.lookup("#problemBar").query().isVisible());

    Path garbage = dir.resolve("train-images-idx3-ubyte");
    byte[] bytes = new byte[10_000];
    new Random(5).nextBytes(bytes);
    bytes[0] = 0;
    bytes[1] = 0;
    bytes[2] = 8;
    bytes[3] = 3;
    Files.write(garbage, bytes);
    String expected;
    try {
      DatasetReaders.read(garbage);
      fail("the garbage file was read");
      return;
    } catch (DataFormatException e) {
      expected = e.getMessage();
    }
    dialogs.datasetFile = garbage;
    clickMenu(robot, "File", "Open data set file\u2026");
    await("the problem bar", 20, () -> robot.lookup("#problemBar").query().isVisible());
    assertEquals(expected, text(robot, "#problemText"));
    assertEquals(
        "MNIST digits", explorer.workspace().data().all().name(), "the data set in use is kept");

    type(robot, "#latentField", "abc");
    await("the field's reason", 10, () -> robot.lookup("#latentFieldError").query().isVisible());
    assertEquals("\"abc\" is not a whole number.", text(robot, "#latentFieldError"));
    assertTrue(robot.lookup("#applyButton").queryButton().isDisabled());
  }

  @Test
  void theFormFollowsTheModelFamily(FxRobot robot) throws Exception {
    awaitReady(robot);

    robot.clickOn("#familyBox").clickOn("WAE-MMD");

    javafx.scene.control.ChoiceBox<?> posterior =
        robot.lookup("#posteriorBox").queryAs(javafx.scene.control.ChoiceBox.class);
    assertEquals(org.latentexplorer.model.vae.Posterior.DETERMINISTIC, posterior.getValue());
    assertFalse(robot.lookup("#lambdaField").query().isDisabled(), "a WAE has a lambda");
    assertTrue(robot.lookup("#betaField").query().isDisabled(), "and no beta");
    assertFalse(robot.lookup("#applyButton").queryButton().isDisabled());

    robot.clickOn("#familyBox").clickOn("VAE");

    assertEquals(org.latentexplorer.model.vae.Posterior.DIAGONAL, posterior.getValue());
    assertTrue(
        robot.lookup("#applyButton").queryButton().isDisabled(),
        "back at the running model's settings, there is nothing to apply");
  }

  @Test
  void aGaussianDecoderOnTheDigitsIsScoredInBitsPerDimension(FxRobot robot) throws Exception {
    awaitReady(robot);
    robot.clickOn("#trainButton");
    await(
        "a train ELBO point", 60, () -> points(robot, "#mainChart", Metric.TRAIN_ELBO.label()) > 0);
    robot.clickOn("#trainButton");
    await("training to pause", 20, () -> state() == RunState.PAUSED);
    assertTrue(chartTitle(robot).endsWith("(nats per image)"), chartTitle(robot));
    assertFalse(robot.lookup("#unitsBox").query().isVisible(), "Bernoulli figures have one unit");

    robot.clickOn("#likelihoodBox").clickOn("Gaussian");
    robot.clickOn("#applyButton");
    await(
        "the Gaussian model",
        30,
        () ->
            snapshot() != null
                && snapshot().model().likelihood()
                    == org.latentexplorer.model.vae.Likelihood.GAUSSIAN);
    robot.clickOn("#trainButton");
    await(
        "a train ELBO point", 60, () -> points(robot, "#mainChart", Metric.TRAIN_ELBO.label()) > 0);
    robot.clickOn("#trainButton");
    await("training to pause", 20, () -> state() == RunState.PAUSED);

    await("the units choice", 10, () -> robot.lookup("#unitsBox").query().isVisible());
    assertTrue(chartTitle(robot).contains("bits per dimension"), chartTitle(robot));
    // A bound on the probability of 8-bit pixels: never positive, so positive bits per pixel.
    double bits = firstValue(robot, Metric.TRAIN_ELBO);
    assertTrue(bits > 0, "bits per dimension " + bits);

    robot.clickOn("#unitsBox").clickOn("nats per image");
    await("the title in nats", 10, () -> chartTitle(robot).contains("\u2264 0"));
    double nats = firstValue(robot, Metric.TRAIN_ELBO);
    int pixels = snapshot().model().inputDim();
    assertEquals(-bits * pixels * Math.log(2), nats, 1e-6 * Math.abs(nats));
  }

  @Test
  void aHeavyKlWeightCollapsesThePosteriorAndTheHealthPanelSaysSo(FxRobot robot) throws Exception {
    awaitReady(robot);
    robot.clickOn("#healthTab");
    type(robot, "#betaField", "100");
    robot.clickOn("#applyButton");
    await(
        "the model with beta 100",
        30,
        () -> snapshot() != null && snapshot().model().beta() == 100);
    trainUntilScored(robot, 250);
    assertTrue(
        text(robot, "#healthWarning").startsWith("Posterior collapse: all 2 latent dimensions"),
        text(robot, "#healthWarning"));

    type(robot, "#betaField", "1");
    robot.clickOn("#applyButton");
    await("the model with beta 1", 30, () -> snapshot() != null && snapshot().model().beta() == 1);
    trainUntilScored(robot, 250);
    assertEquals("", text(robot, "#healthWarning"), "beta 1 keeps both dimensions in use");
    assertTrue(text(robot, "#activeUnitsText").startsWith("Active units: 2 of 2"));
  }

  @Test
  void anInterpolationStripStartsAndEndsAtTheEndpointsDecodings(FxRobot robot) throws Exception {
    awaitReady(robot);
    trainUntilScored(robot, 100);
    robot.clickOn("#interpolateTab");
    robot.clickOn("#randomPairButton");
    org.latentexplorer.app.interpolate.InterpolationViewModel vm = explorer.parts().interpolation();
    await("the strip of the new pair", 20, () -> onFx(() -> vm.stripImageProperty().get() != null));
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(500);
    WaitForAsyncUtils.waitForFxEvents();

    org.latentexplorer.model.explore.LatentCodec codec =
        new org.latentexplorer.model.explore.LatentCodec();
    codec.update(snapshot());
    float[] a = onFx(() -> vm.endAProperty().get().pixels());
    float[] b = onFx(() -> vm.endBProperty().get().pixels());
    int[] strip = onFx(() -> pixels(vm.stripImageProperty().get()));
    int width = onFx(() -> (int) vm.stripImageProperty().get().getWidth());
    int steps = onFx(() -> vm.stepsProperty().get());
    int[] first = tile(strip, width, 0);
    int[] last = tile(strip, width, (steps - 1) * (28 + 2));

    assertGreysEqual(codec.reconstruct(a, 1), first, "the first tile decodes A's code");
    assertGreysEqual(codec.reconstruct(b, 1), last, "the last tile decodes B's code");
    assertFalse(Arrays.equals(first, last), "two different images have different decodings");
  }

  @Test
  void thePriorHolesTabSaysHowMuchOfThePriorIsUnusedAndTheManifoldCanShowIt(FxRobot robot)
      throws Exception {
    awaitReady(robot);
    // Selected in code: with four tabs the header may scroll this one out of sight.
    onFx(
        () -> {
          javafx.scene.control.TabPane tabs =
              robot.lookup(".inspect-tabs").queryAs(javafx.scene.control.TabPane.class);
          tabs.getTabs().stream()
              .filter(t -> "priorHolesTab".equals(t.getId()))
              .findFirst()
              .ifPresent(t -> tabs.getSelectionModel().select(t));
          return null;
        });
    await(
        "the share of the prior unused",
        30,
        () -> onFx(() -> text(robot, "#unusedMassText").startsWith("The data leaves")));
    assertTrue(
        onFx(() -> explorer.parts().holes().holesImageProperty().get() != null), "the holes map");

    // Set in code: the box may be scrolled out of the manifold's side column.
    onFx(
        () -> {
          robot.lookup("#holesOverlayBox").queryAs(javafx.scene.control.CheckBox.class).fire();
          return null;
        });
    await(
        "the holes over the manifold",
        30,
        () -> onFx(() -> explorer.parts().manifold().holesImageProperty().get() != null));
  }

  // ---- helpers

  /** The 28x28 tile whose left edge is at {@code x} of a one-row strip {@code width} wide. */
  private static Lesson bundled(String name) throws Exception {
    try (InputStream in =
        ExplorerUiTest.class.getResourceAsStream("/org/latentexplorer/app/lesson/" + name)) {
      return LessonFile.parse(name, in.readAllBytes());
    }
  }

  private static boolean shows(FxRobot robot, String id) {
    Node n = robot.lookup(id).query();
    return n.isVisible() && n.getParent() != null && n.getParent().isVisible();
  }

  @Test
  void openingALessonShowsItsTextAndHidesAndLocksTheControlsItNames(FxRobot robot)
      throws Exception {
    awaitReady(robot);
    Lesson lesson = bundled("05-posterior-collapse.lesson");
    assertTrue(shows(robot, "#hiddenField"), "all controls show before the lesson");

    clickMenu(robot, "Lessons", "5. " + lesson.title());

    await("the lesson's panel", 20, () -> shows(robot, "#lessonPanel"));
    await(
        "the lesson's model",
        60,
        () -> {
          RunConfig c = explorer.workspace().config();
          return c != null && c.model().latentDim() == 10 && c.training().seed() == 5;
        });
    assertEquals(lesson.title(), text(robot, "#lessonTitle"));
    assertEquals(String.join("\n\n", lesson.explanation().look()), text(robot, "#lessonLook"));
    assertEquals(String.join("\n\n", lesson.explanation().expect()), text(robot, "#lessonExpect"));
    assertFalse(robot.lookup("#hiddenField").query().isVisible(), "hidden sizes are hidden");
    assertFalse(robot.lookup("#learningRateField").query().isVisible());
    assertTrue(robot.lookup("#familyBox").query().isDisabled(), "the family is locked");
    assertTrue(robot.lookup("#latentField").query().isDisabled(), "the latent size is locked");
    assertFalse(robot.lookup("#betaField").query().isDisabled(), "beta is the class's to change");
    assertEquals("10", text(robot, "#latentField"));
    TabPane inside = robot.lookup(".inspect-tabs").queryAs(TabPane.class);
    assertEquals("healthTab", onFx(() -> inside.getSelectionModel().getSelectedItem().getId()));
    assertTrue(shows(robot, "#runSweepButton"), "the lesson has a sweep");
    robot.clickOn("#runSweepButton");
    await(
        "the lesson's sweep to start in the Compare tab",
        10,
        () -> onFx(() -> explorer.parts().compare().sweepingProperty().get()));
    onFx(
        () -> {
          explorer.parts().compare().cancelSweep();
          return null;
        });
    await(
        "the sweep to stop",
        30,
        () -> onFx(() -> !explorer.parts().compare().sweepingProperty().get()));

    robot.clickOn("#leaveLessonButton");

    await("the panel to go", 10, () -> !robot.lookup("#lessonPanel").query().isVisible());
    assertTrue(robot.lookup("#hiddenField").query().isVisible(), "every control shows again");
    assertFalse(robot.lookup("#familyBox").query().isDisabled());
    assertEquals("10", text(robot, "#latentField"), "the lesson's model stays");
  }

  @Test
  void aDamagedLessonIsRefusedWithItsReasonAndTheSettingsStayAsTheyWere(FxRobot robot)
      throws Exception {
    awaitReady(robot);
    Map<Control, String> before = onFx(() -> explorer.parts().setup().settings());
    RunConfig config = explorer.workspace().config();
    Path bad =
        Files.writeString(
            dir.resolve("damaged.lesson"),
            "{\"format\": \"latent-explorer-lesson\", \"version\": 1, \"title\": \"Damaged\","
                + " \"dataset\": \"fashion-mnist\", \"settings\": {\"latent\": \"5\"},"
                + " \"explanation\": {\"look\": \"x\"}, \"hidden\": [\"hidden\", \"depth\"]}");
    dialogs.lesson = bad;

    clickMenu(robot, "Lessons", "Open lesson\u2026");

    await("the problem bar", 20, () -> robot.lookup("#problemBar").query().isVisible());
    assertEquals(
        "damaged.lesson: unknown control \"depth\" in hidden", text(robot, "#problemText"));
    assertEquals(before, onFx(() -> explorer.parts().setup().settings()));
    assertEquals(config, explorer.workspace().config(), "the model is the one before");
    assertEquals("MNIST digits", explorer.workspace().data().all().name());
    assertFalse(onFx(() -> explorer.parts().lessonView().isVisible()), "no lesson panel");
    assertTrue(robot.lookup("#hiddenField").query().isVisible());

    Path notJson = Files.writeString(dir.resolve("notes.lesson"), "Bring the slides");
    onFx(
        () -> {
          explorer.openLessonAtStart(notJson);
          return null;
        });
    await("the dialog", 20, () -> !dialogs.told.isEmpty());
    assertEquals(
        "Could not open the lesson: notes.lesson is not a lesson file (not valid JSON)",
        dialogs.told.get(0));
    assertEquals(config, explorer.workspace().config());
  }

  private static int[] tile(int[] argb, int width, int x) {
    int[] out = new int[28 * 28];
    for (int r = 0; r < 28; r++) {
      System.arraycopy(argb, r * width + x, out, r * 28, 28);
    }
    return out;
  }

  private static void assertGreysEqual(float[] expected, int[] argb, String what) {
    for (int i = 0; i < expected.length; i++) {
      int grey = org.latentexplorer.app.render.Mosaic.gray(expected[i]) & 0xff;
      assertTrue(Math.abs(grey - (argb[i] & 0xff)) <= 1, what + ": pixel " + i);
    }
  }

  /** Trains at least {@code steps} steps, pauses, and waits for the test images' next scoring. */
  private void trainUntilScored(FxRobot robot, long steps) throws Exception {
    robot.clickOn("#trainButton");
    await("training", 90, () -> snapshot().progress().step() >= steps);
    int scored = snapshot().history().get(Metric.LIVE_TEST_KL).size();
    await(
        "a new scoring of the test images",
        30,
        () -> snapshot().history().get(Metric.LIVE_TEST_KL).size() > scored);
    robot.clickOn("#trainButton");
    await("training to pause", 20, () -> state() == RunState.PAUSED);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String chartTitle(FxRobot robot) throws Exception {
    return onFx(() -> robot.lookup("#mainChart").queryAs(LineChart.class).getTitle());
  }

  /** The first point's value of {@code metric}'s curve in the main chart. */
  private static double firstValue(FxRobot robot, Metric metric) throws Exception {
    return onFx(
        () -> {
          LineChart<?, ?> chart = robot.lookup("#mainChart").queryAs(LineChart.class);
          for (XYChart.Series<?, ?> s : chart.getData()) {
            if (s.getName().equals(metric.label())) {
              return ((Number) s.getData().get(0).getYValue()).doubleValue();
            }
          }
          throw new AssertionError("no curve " + metric.label());
        });
  }

  /**
   * Opens menus and clicks the last item, each found by its text among the nodes on screen. The
   * mouse enters a submenu sideways, as a person does: a diagonal path would cross other items and
   * close it (and a path along the menu bar would open other menus).
   */
  private static void clickMenu(FxRobot robot, String... path) throws Exception {
    Double rowY = null;
    for (int i = 0; i < path.length; i++) {
      String label = path[i];
      Node[] found = new Node[1];
      await(
          "the menu item \"" + label + "\"",
          10,
          () -> {
            found[0] =
                robot
                    .lookup(org.testfx.matcher.control.LabeledMatchers.hasText(label))
                    .match(
                        x ->
                            x.getScene() != null
                                && x.getScene().getWindow() != null
                                && x.getScene().getWindow().isShowing()
                                && x.isVisible())
                    .query();
            return found[0] != null;
          });
      javafx.geometry.Bounds b = onFx(() -> found[0].localToScreen(found[0].getBoundsInLocal()));
      double x = b.getMinX() + Math.min(12, b.getWidth() / 2);
      double y = b.getCenterY();
      if (i >= 2) {
        robot.moveTo(new javafx.geometry.Point2D(x, rowY));
      }
      robot.moveTo(new javafx.geometry.Point2D(x, y));
      robot.clickOn(MouseButton.PRIMARY);
      rowY = y;
    }
  }

  private void awaitReady(FxRobot robot) throws Exception {
    await(
        "the default model to be built",
        90,
        () -> {
          Button train = robot.lookup("#trainButton").queryButton();
          return train != null && !train.isDisabled() && snapshot() != null;
        });
  }

  private Snapshot snapshot() {
    return explorer.workspace().snapshot();
  }

  private RunState state() {
    Snapshot s = snapshot();
    return s == null ? null : s.state();
  }

  private Image manifold() {
    return explorer.parts().manifold().gridImage().get();
  }

  private static int points(FxRobot robot, String chart) {
    return points(robot, chart, null);
  }

  /** Points drawn in a chart, of the series named {@code series} or (null) of all. */
  private static int points(FxRobot robot, String chart, String series) {
    LineChart<?, ?> c = robot.lookup(chart).queryAs(LineChart.class);
    int n = 0;
    for (XYChart.Series<?, ?> s : c.getData()) {
      if (series == null || series.equals(s.getName())) {
        n += s.getData().size();
      }
    }
    return n;
  }

  private static long stepOf(String status) {
    String digits = status.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }

  private static String text(FxRobot robot, String query) {
    Node n = robot.lookup(query).query();
    return n instanceof TextField t ? t.getText() : ((Label) n).getText();
  }

  /** Replaces a field's text by typing, as a person would. */
  private static void type(FxRobot robot, String field, String text) {
    robot.clickOn(field);
    robot.push(KeyCode.CONTROL, KeyCode.A);
    robot.write(text);
  }
}
