package org.latentexplorer.app;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.latentexplorer.app.bound.BoundView;
import org.latentexplorer.app.bound.BoundViewModel;
import org.latentexplorer.app.compare.CompareView;
import org.latentexplorer.app.compare.CompareViewModel;
import org.latentexplorer.app.curves.CurvesView;
import org.latentexplorer.app.curves.CurvesViewModel;
import org.latentexplorer.app.draw.DrawView;
import org.latentexplorer.app.draw.DrawViewModel;
import org.latentexplorer.app.fx.Dialogs;
import org.latentexplorer.app.fx.TaskExecutor;
import org.latentexplorer.app.health.LatentHealthView;
import org.latentexplorer.app.health.LatentHealthViewModel;
import org.latentexplorer.app.holes.PriorHolesView;
import org.latentexplorer.app.holes.PriorHolesViewModel;
import org.latentexplorer.app.interpolate.InterpolationView;
import org.latentexplorer.app.interpolate.InterpolationViewModel;
import org.latentexplorer.app.lesson.LessonView;
import org.latentexplorer.app.lesson.LessonsViewModel;
import org.latentexplorer.app.manifold.ManifoldView;
import org.latentexplorer.app.manifold.ManifoldViewModel;
import org.latentexplorer.app.render.LiveFeed;
import org.latentexplorer.app.render.RenderWorker;
import org.latentexplorer.app.samples.SamplesView;
import org.latentexplorer.app.samples.SamplesViewModel;
import org.latentexplorer.app.scatter.ScatterView;
import org.latentexplorer.app.scatter.ScatterViewModel;
import org.latentexplorer.app.scatter.Selection;
import org.latentexplorer.app.setup.SetupView;
import org.latentexplorer.app.setup.SetupViewModel;
import org.latentexplorer.app.timeline.TimelineView;
import org.latentexplorer.app.timeline.TimelineViewModel;
import org.latentexplorer.app.training.StatusBarView;
import org.latentexplorer.app.training.TrainingView;
import org.latentexplorer.app.training.TrainingViewModel;
import org.latentexplorer.app.window.MainView;
import org.latentexplorer.app.window.MainViewModel;
import org.latentexplorer.app.window.StartupView;
import org.latentexplorer.app.workspace.Autosave;
import org.latentexplorer.app.workspace.Autosaver;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.DatasetOpener;
import org.latentexplorer.app.workspace.ModelFiles;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Sessions;
import org.latentexplorer.app.workspace.Settings;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.io.PngFile;
import org.latentexplorer.model.train.RunState;
import org.latentexplorer.model.train.Snapshot;

/**
 * One open explorer window with everything behind it: workspace, render worker, autosave timer,
 * view models and views. Created and closed on the JavaFX thread. The application makes one; tests
 * make one per test with their own dialogs. The start-up data set loads in the background while the
 * views are built, so the task executor must hand results to the JavaFX thread's queue, never run
 * them within the call ({@link org.latentexplorer.app.fx.FxTaskExecutor} does so).
 */
public final class Explorer implements AutoCloseable {
  /** Preferred window size; smaller screens get their visible size. */
  private static final double WIDTH = 1480;

  private static final double HEIGHT = 940;

  private final TaskExecutor tasks;
  private final Workspace workspace;
  private final Sessions sessions;
  private final RenderWorker render;
  private final Autosaver autosaver;
  private final MainView view;
  private final Parts parts;
  private boolean closed;
  private boolean started;
  private Path startLesson;

  /** The view models and views of the window, for wiring and for tests. Immutable. */
  public record Parts(
      MainViewModel main,
      TrainingViewModel training,
      TrainingView trainingView,
      StatusBarView statusBar,
      SetupViewModel setup,
      SetupView setupView,
      CurvesViewModel curves,
      CurvesView curvesView,
      ManifoldViewModel manifold,
      ManifoldView manifoldView,
      ScatterViewModel scatter,
      ScatterView scatterView,
      SamplesViewModel samples,
      SamplesView samplesView,
      LatentHealthViewModel health,
      LatentHealthView healthView,
      InterpolationViewModel interpolation,
      InterpolationView interpolationView,
      BoundViewModel bound,
      BoundView boundView,
      DrawViewModel draw,
      DrawView drawView,
      PriorHolesViewModel holes,
      PriorHolesView holesView,
      CompareViewModel compare,
      CompareView compareView,
      TimelineViewModel timeline,
      TimelineView timelineView,
      LessonsViewModel lessons,
      LessonView lessonView) {
    /** The views the window lays out. */
    MainView.Views views() {
      return new MainView.Views(
          trainingView,
          setupView,
          manifoldView,
          curvesView,
          scatterView,
          samplesView,
          healthView,
          interpolationView,
          boundView,
          drawView,
          holesView,
          compareView,
          timelineView,
          lessonView,
          statusBar);
    }
  }

  private Explorer(
      Stage stage, Dialogs dialogs, Settings settings, TaskExecutor tasks, Runnable exit) {
    this.tasks = tasks;
    this.workspace = new Workspace(tasks, settings);
    Autosave autosave = new Autosave(workspace);
    this.sessions = new Sessions(workspace, autosave);
    ModelFiles files = new ModelFiles(workspace, sessions);
    DatasetOpener opener = new DatasetOpener(workspace, sessions);
    // Leaves at once; a quit autosaves the run first (Sessions.close), then leaves.
    Runnable leave =
        () -> {
          close();
          exit.run();
        };
    // Loading runs in the background while the window is built below; what it hands back reaches
    // the JavaFX thread after this constructor.
    opener.startUp(
        new DatasetChoice.Bundled(BundledDataset.defaultDataset()),
        () -> started(stage, settings, leave));
    this.render = new RenderWorker(workspace.reporter("Could not draw a picture"));
    workspace.sessionProperty().addListener((o, a, b) -> render.setSource(b));
    // Registered before the views' listeners, so that their first request after a rewind is
    // drawn from the checkpoint.
    workspace
        .viewedSnapshotProperty()
        .addListener((o, a, b) -> render.setRewound(b == workspace.snapshot() ? null : b));
    Supplier<Window> owner = () -> stage;

    TrainingViewModel training = new TrainingViewModel(workspace);
    SetupViewModel setup = new SetupViewModel(workspace, sessions, opener);
    CurvesViewModel curves = new CurvesViewModel(workspace);
    ManifoldViewModel manifold = new ManifoldViewModel(workspace, render);
    ScatterViewModel scatter = new ScatterViewModel(workspace, render);
    SamplesViewModel samples = new SamplesViewModel(workspace, render);
    LatentHealthViewModel health = new LatentHealthViewModel(workspace);
    BoundViewModel bound = new BoundViewModel(workspace);
    DrawViewModel draw = new DrawViewModel(workspace, render);
    InterpolationViewModel interpolation =
        new InterpolationViewModel(
            LiveFeed.of(workspace),
            render,
            scatter.selectionProperty().map(Selection::image),
            draw::pixels,
            System::nanoTime);
    scatter.follow(draw.overlayProperty());
    scatter.draws().posteriorProperty().bind(draw.overlayProperty());
    PriorHolesViewModel holes = new PriorHolesViewModel(workspace, render);
    CompareViewModel compare = new CompareViewModel(workspace, setup::built);
    TimelineViewModel timeline = new TimelineViewModel(workspace, sessions);
    LessonsViewModel lessons = new LessonsViewModel(workspace, setup, dialogs, owner);
    lessons.setSweepRunner(compare::sweep);
    MainViewModel main =
        new MainViewModel(
            workspace,
            files,
            opener,
            dialogs,
            owner,
            () -> manifold.gridImage().get(),
            Version.current());
    this.parts =
        new Parts(
            main,
            training,
            new TrainingView(training),
            new StatusBarView(training),
            setup,
            new SetupView(setup, dialogs, owner),
            curves,
            new CurvesView(curves),
            manifold,
            new ManifoldView(manifold),
            scatter,
            new ScatterView(scatter),
            samples,
            new SamplesView(samples),
            health,
            new LatentHealthView(health),
            interpolation,
            new InterpolationView(interpolation),
            bound,
            new BoundView(bound),
            draw,
            new DrawView(draw, dialogs, owner),
            holes,
            new PriorHolesView(holes),
            compare,
            new CompareView(compare, dialogs, owner),
            timeline,
            new TimelineView(timeline),
            lessons,
            new LessonView(lessons));
    Runnable quit = () -> sessions.close(leave);
    this.view = new MainView(main, parts.views(), quit);
    lessons.setOnShow(view::showTab);
    scatter.draws().lessonWantsProperty().bind(lessons.drawsProperty());
    // The pictures of the Explore tab are drawn only while they show.
    manifold.activeProperty().bind(view.showing(parts.manifoldView()));
    scatter.activeProperty().bind(view.showing(parts.scatterView()));
    samples.activeProperty().bind(view.showing(parts.samplesView()));
    interpolation.activeProperty().bind(view.showing(parts.interpolationView()));
    // The path shows on the manifold and the scatter while its tab does.
    scatter.follow(interpolation.pathOverlayProperty());
    manifold.pathProperty().bind(interpolation.pathCodesProperty());
    draw.activeProperty().bind(view.showing(parts.drawView()));
    holes.activeProperty().bind(view.showing(parts.holesView()));
    this.autosaver = new Autosaver(autosave, tasks, settings.autosaveInterval());

    Scene scene = windowScene(view, stage);
    stage.setScene(scene);
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    stage.setMinWidth(Math.min(1000, screen.getWidth()));
    stage.setMinHeight(Math.min(660, screen.getHeight()));
    stage.titleProperty().bind(main.titleProperty());
    stage.setOnCloseRequest(
        e -> {
          e.consume();
          quit.run();
        });
    stage.show();
  }

  /**
   * Runs once the start-up data set is loaded and its model is being built: the window is built by
   * then, since the opener hands its result to the JavaFX thread after the constructor.
   */
  private void started(Stage stage, Settings settings, Runnable leave) {
    Scene scene = stage.getScene();
    if (settings.autotrain()) {
      trainWhenBuilt();
    }
    focusTrainWhenEnabled();
    LiveBenchmark.fromSystemProperties()
        .ifPresent(b -> whenBuilt(() -> b.start(this, scene, leave)));
    started = true;
    // Once Train can be pressed: reading the lessons would otherwise take a core from the start.
    whenBuilt(parts.lessons()::readBundled);
    if (startLesson != null) {
      parts.lessons().openAtStart(startLesson);
    }
    if (settings.screenshot() != null) {
      // Leaves without autosaving: a picture for the README is not a run worth keeping.
      screenshotLater(scene, settings, leave);
    }
    // After the window has settled, so the question appears over a drawn window.
    Platform.runLater(parts.main()::offerRestore);
  }

  /**
   * Shows {@code stage} at once with the {@link StartupView}, in the size the window will have:
   * {@link #open} then fills the same window. Returns the view once the stage is showing.
   */
  public static StartupView showStartupScreen(Stage stage, Image icon) {
    StartupView startup = new StartupView(icon);
    stage.setTitle(MainViewModel.TITLE);
    stage.setScene(windowScene(startup, stage));
    stage.show();
    return startup;
  }

  /**
   * A scene with the application's style sheet for {@code root}: the size of the window when it
   * already shows, else the preferred size (or the screen's visible size when smaller).
   */
  private static Scene windowScene(Parent root, Stage stage) {
    Scene scene;
    if (stage.getScene() != null && stage.isShowing()) {
      scene = new Scene(root, stage.getScene().getWidth(), stage.getScene().getHeight());
    } else {
      Rectangle2D screen = Screen.getPrimary().getVisualBounds();
      scene =
          new Scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
    }
    scene.getStylesheets().add(Explorer.class.getResource("app.css").toExternalForm());
    return scene;
  }

  /**
   * Opens the window on {@code stage} (in the same window and size when it shows the start-up
   * screen) and starts loading; returns at once.
   */
  public static Explorer open(
      Stage stage, Dialogs dialogs, Settings settings, TaskExecutor tasks, Runnable exit) {
    return new Explorer(stage, dialogs, settings, tasks, exit);
  }

  /**
   * Opens the lesson in {@code file} once the window has started (now, if it has): the lesson a
   * person opened the app with.
   */
  public void openLessonAtStart(Path file) {
    if (started) {
      parts.lessons().openAtStart(file);
    } else {
      startLesson = file;
    }
  }

  private void trainWhenBuilt() {
    whenBuilt(() -> parts.training().primary());
  }

  /** Runs {@code then} once the session's model is built and ready to train. */
  private void whenBuilt(Runnable then) {
    ChangeListener<Snapshot> once =
        new ChangeListener<>() {
          @Override
          public void changed(
              javafx.beans.value.ObservableValue<? extends Snapshot> o, Snapshot a, Snapshot b) {
            if (b != null && b.state() == RunState.READY) {
              workspace.snapshotProperty().removeListener(this);
              then.run();
            }
          }
        };
    workspace.snapshotProperty().addListener(once);
    once.changed(workspace.snapshotProperty(), null, workspace.snapshot());
  }

  /** Gives Train the focus once it can be pressed, so that Space starts training. */
  private void focusTrainWhenEnabled() {
    Node train = view.lookup("#trainButton");
    if (train == null) {
      return;
    }
    ChangeListener<Boolean> once =
        new ChangeListener<>() {
          @Override
          public void changed(
              javafx.beans.value.ObservableValue<? extends Boolean> o,
              Boolean a,
              Boolean disabled) {
            if (!disabled) {
              train.disabledProperty().removeListener(this);
              train.requestFocus();
              StartupLog.reached("train-pressable");
            }
          }
        };
    train.disabledProperty().addListener(once);
    once.changed(train.disabledProperty(), null, train.isDisabled());
  }

  /** Saves a picture of the window after some training, then quits: for the README. */
  private void screenshotLater(Scene scene, Settings settings, Runnable leave) {
    javafx.animation.PauseTransition wait =
        new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(settings.screenshotDelay().toMillis()));
    wait.setOnFinished(
        e -> {
          java.awt.image.BufferedImage picture =
              javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null);
          java.nio.file.Path target = settings.screenshot();
          tasks.runInBackground(
              () -> {
                PngFile.write(picture, target);
                return target;
              },
              ok -> leave.run(),
              error -> {
                System.err.println("Could not save the screenshot: " + Problem.describe(error));
                leave.run();
              });
        });
    wait.play();
  }

  public Workspace workspace() {
    return workspace;
  }

  public MainView view() {
    return view;
  }

  /** What replaces the training session; for the app benchmark. */
  Sessions sessions() {
    return sessions;
  }

  public Parts parts() {
    return parts;
  }

  /** Stops the render worker, the autosave timer and the session, without saving. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    autosaver.close();
    render.close();
    sessions.dispose();
    if (tasks instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing is best effort; the threads are daemons.
      }
    }
  }
}
