package org.latentexplorer.app.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;
import org.latentexplorer.app.fx.Dialogs;
import org.latentexplorer.app.setup.Control;
import org.latentexplorer.app.setup.SetupViewModel;
import org.latentexplorer.app.workspace.DatasetChoice;
import org.latentexplorer.app.workspace.LoadedData;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.RunConfig;
import org.latentexplorer.app.workspace.Workspace;
import org.latentexplorer.model.data.BundledDataset;

/**
 * The lesson in use and the Lessons menu's actions, confined to the JavaFX thread (files are read
 * and written in the background): open a bundled lesson or a file, save the setup as a lesson,
 * leave the lesson.
 *
 * <p>Opening is all or nothing: the file is read and every part of it checked, its settings and a
 * sweep's values by the setup form's own rules, before anything of it is applied. Applying builds
 * the model as Apply does, hides and locks the setup controls the lesson names and shows its
 * explanation.
 */
public final class LessonsViewModel {
  /** Where the bundled lessons are on the class path. */
  static final String FOLDER = "/org/latentexplorer/app/lesson/";

  /** The bundled lessons' resource names, in the order of the menu. */
  static final List<String> BUNDLED =
      List.of(
          "01-elbo.lesson",
          "02-reparameterisation.lesson",
          "03-manifold.lesson",
          "04-latent-size.lesson",
          "05-posterior-collapse.lesson",
          "06-full-covariance.lesson",
          "07-bound.lesson",
          "08-aae-wae.lesson",
          "09-bernoulli-gaussian.lesson");

  private static final String OPEN_FAILED = "Could not open the lesson";

  private final Workspace workspace;
  private final SetupViewModel setup;
  private final Dialogs dialogs;
  private final Supplier<Window> owner;
  // Read on first use, or in the background once the window can train (readBundled): JSON's
  // first use costs a few hundred milliseconds the window's start does not need to spend.
  private final FutureTask<List<Lesson>> bundled = new FutureTask<>(LessonsViewModel::parseBundled);
  private final ReadOnlyObjectWrapper<Lesson> current = new ReadOnlyObjectWrapper<>(this, "lesson");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyStringWrapper look = new ReadOnlyStringWrapper(this, "look", "");
  private final ReadOnlyStringWrapper tryThis = new ReadOnlyStringWrapper(this, "try", "");
  private final ReadOnlyStringWrapper expect = new ReadOnlyStringWrapper(this, "expect", "");
  private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
  private final ReadOnlyBooleanWrapper hasSweep = new ReadOnlyBooleanWrapper(this, "hasSweep");
  private final ReadOnlyBooleanWrapper canSweep = new ReadOnlyBooleanWrapper(this, "canSweep");
  private final ReadOnlyBooleanWrapper draws = new ReadOnlyBooleanWrapper(this, "draws");
  private final ObjectProperty<SweepRunner> sweepRunner =
      new SimpleObjectProperty<>(this, "sweepRunner");
  private Consumer<String> onShow = tab -> {};

  /**
   * @param owner the window dialogs belong to
   */
  public LessonsViewModel(
      Workspace workspace, SetupViewModel setup, Dialogs dialogs, Supplier<Window> owner) {
    this.workspace = workspace;
    this.setup = setup;
    this.dialogs = dialogs;
    this.owner = owner;
    current.addListener((o, a, b) -> show(b));
    active.bind(current.isNotNull());
    hasSweep.bind(Bindings.createBooleanBinding(() -> sweep() != null, current));
    canSweep.bind(hasSweep.and(sweepRunner.isNotNull()));
    draws.bind(
        Bindings.createBooleanBinding(
            () -> current.get() != null && current.get().draws(), current));
  }

  private static List<Lesson> parseBundled() {
    List<Lesson> lessons = new ArrayList<>();
    for (String name : BUNDLED) {
      try {
        lessons.add(LessonFile.parse(name, resource(name)));
      } catch (LessonFormatException e) {
        // The bundled lessons are tested; one that fails here is a build defect.
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    return List.copyOf(lessons);
  }

  /**
   * Reads the bundled lessons in the background, so that the Lessons menu opens at once; if it
   * opens first, it reads them itself.
   */
  public void readBundled() {
    workspace.tasks().runInBackground(() -> bundled(), ok -> {}, error -> {});
  }

  private static byte[] resource(String name) {
    try (InputStream in = LessonsViewModel.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("the bundled lesson " + name + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void show(Lesson l) {
    title.set(l == null ? "" : l.title());
    look.set(l == null ? "" : text(l.explanation().look()));
    tryThis.set(l == null ? "" : text(l.explanation().tryThis()));
    expect.set(l == null ? "" : text(l.explanation().expect()));
  }

  private static String text(List<String> paragraphs) {
    return String.join("\n\n", paragraphs.stream().map(String::strip).toList());
  }

  private Lesson.Sweep sweep() {
    Lesson l = current.get();
    return l == null ? null : l.sweep();
  }

  /** The bundled lessons' titles, in the order of the menu. */
  public List<String> bundledTitles() {
    return bundled().stream().map(Lesson::title).toList();
  }

  /** The bundled lessons, in the order of the menu; waits while another thread reads them. */
  List<Lesson> bundled() {
    bundled.run();
    try {
      return bundled.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the bundled lessons", e);
    }
  }

  /** Opens the bundled lesson at {@code index} of {@link #bundledTitles()}. */
  public void openBundled(int index) {
    try {
      apply(BUNDLED.get(index), bundled().get(index));
    } catch (LessonFormatException e) {
      workspace.report(new Problem(OPEN_FAILED, e.getMessage()));
    }
  }

  /** Asks for a lesson file and opens it. */
  public void openFile() {
    dialogs.openLesson(owner.get()).ifPresent(this::open);
  }

  /** Opens the lesson in {@code file}; a refused file shows its reason in the problem bar. */
  public void open(Path file) {
    open(file, reason -> workspace.report(new Problem(OPEN_FAILED, reason)));
  }

  /**
   * Opens the lesson given on the command line; a refused file shows its reason in a dialog, as
   * there is nothing on screen yet that the problem bar would explain.
   */
  public void openAtStart(Path file) {
    open(file, reason -> dialogs.inform(owner.get(), OPEN_FAILED, reason));
  }

  private void open(Path file, Consumer<String> refused) {
    workspace
        .tasks()
        .runInBackground(
            () -> LessonFile.read(file),
            lesson -> {
              try {
                apply(String.valueOf(file.getFileName()), lesson);
              } catch (LessonFormatException e) {
                refused.accept(e.getMessage());
              }
            },
            error ->
                refused.accept(
                    error instanceof LessonFormatException
                        ? error.getMessage()
                        : Problem.describe(error)));
  }

  /**
   * Checks {@code lesson}'s settings against the setup form's rules and, when they hold, applies
   * it; refused, nothing of it is applied.
   */
  void apply(String name, Lesson lesson) throws LessonFormatException {
    RunConfig config = check(name, lesson);
    setup.start(new DatasetChoice.Bundled(lesson.dataset()), config);
    setup.restrict(lesson.hidden(), lesson.locked());
    current.set(lesson);
    if (lesson.show() != null) {
      onShow.accept(lesson.show());
    }
  }

  /** The model {@code lesson} describes, its settings and each run of its sweep checked. */
  private RunConfig check(String name, Lesson lesson) throws LessonFormatException {
    RunConfig config = check(name, lesson.settings());
    Lesson.Sweep s = lesson.sweep();
    if (s != null) {
      for (String v : s.values()) {
        Map<Control, String> run = new EnumMap<>(Control.class);
        run.putAll(lesson.settings());
        run.put(s.axis(), v);
        check(name + " (its sweep)", run);
      }
    }
    return config;
  }

  private RunConfig check(String name, Map<Control, String> settings) throws LessonFormatException {
    try {
      return setup.check(settings);
    } catch (IllegalArgumentException e) {
      throw new LessonFormatException(name + ": " + e.getMessage());
    }
  }

  /** Shows every setup control again and closes the explanation; the model stays. */
  public void leave() {
    setup.restrict(Set.of(), Set.of());
    current.set(null);
  }

  /** Starts the lesson's sweep, when it has one and a runner is set. */
  public void runSweep() {
    Lesson.Sweep s = sweep();
    SweepRunner r = sweepRunner.get();
    if (s != null && r != null) {
      r.sweep(s.axis().id(), s.values(), s.epochsPerRun());
    }
  }

  /** Sets what runs a lesson's sweep; without one, Run the sweep is off. */
  public void setSweepRunner(SweepRunner runner) {
    sweepRunner.set(runner);
  }

  /** Sets what brings a tab to the front, by the names of {@link Lesson#TABS}. */
  public void setOnShow(Consumer<String> onShow) {
    this.onShow = onShow;
  }

  // ---- saving

  /**
   * What a teacher types for a lesson to save. Immutable.
   *
   * @param look what to look at, paragraphs separated by blank lines (so too the others)
   * @param hidden ids of the setup controls to hide, as {@link #controlIds()} lists them
   * @param locked ids of the setup controls to lock
   */
  public record Draft(
      String title,
      String look,
      String tryThis,
      String expect,
      Set<String> hidden,
      Set<String> locked) {
    public Draft {
      hidden = Set.copyOf(hidden);
      locked = Set.copyOf(locked);
    }
  }

  /** The ids of the setup controls a lesson can hide or lock, in the form's order. */
  public List<String> controlIds() {
    return Arrays.stream(Control.values()).map(Control::id).toList();
  }

  /**
   * What the save dialog starts with: the lesson in use (whose tab, sweep and draws the saved one
   * keeps), or an empty one.
   */
  public Draft draft() {
    Lesson l = current.get();
    if (l == null) {
      return new Draft("", "", "", "", Set.of(), Set.of());
    }
    return new Draft(
        l.title(), look.get(), tryThis.get(), expect.get(), ids(l.hidden()), ids(l.locked()));
  }

  private static Set<String> ids(Set<Control> controls) {
    return Set.copyOf(controls.stream().map(Control::id).toList());
  }

  /** Asks where, then saves the setup form, its data set and {@code draft} as a lesson. */
  public void saveAs(Draft draft) {
    Lesson lesson;
    try {
      lesson = lesson(draft);
    } catch (LessonFormatException e) {
      workspace.report(new Problem("Could not save the lesson", e.getMessage()));
      return;
    }
    dialogs
        .export(owner.get(), "Save as lesson", fileName(lesson.title()), "lesson")
        .ifPresent(path -> save(lesson, path));
  }

  private void save(Lesson lesson, Path path) {
    String n = path.getFileName() == null ? "" : path.getFileName().toString();
    Path target =
        n.toLowerCase(Locale.ROOT).endsWith(LessonFile.EXTENSION)
            ? path
            : path.resolveSibling(n + LessonFile.EXTENSION);
    workspace
        .tasks()
        .runInBackground(
            () -> {
              LessonFile.write(target, lesson);
              return target;
            },
            p -> workspace.setNotice("Saved the lesson " + p),
            e -> workspace.report("Could not save the lesson", e));
  }

  /**
   * The lesson {@code draft} and the setup form make, checked as a file of it would be when opened.
   */
  Lesson lesson(Draft draft) throws LessonFormatException {
    LoadedData d = workspace.data();
    if (d == null || !(d.choice() instanceof DatasetChoice.Bundled bundledData)) {
      throw new LessonFormatException(
          "A lesson uses a bundled data set ("
              + String.join(
                  ", ",
                  Arrays.stream(BundledDataset.values()).map(BundledDataset::displayName).toList())
              + "); open one first");
    }
    Map<Control, String> settings = setup.settings();
    // A lesson saved over the one in use keeps the tab, sweep and draws it had.
    Lesson before = current.get();
    Lesson lesson =
        new Lesson(
            draft.title().strip(),
            bundledData.dataset(),
            settings,
            new Lesson.Explanation(
                paragraphs(draft.look()), paragraphs(draft.tryThis()), paragraphs(draft.expect())),
            controls(draft.hidden()),
            controls(draft.locked()),
            before == null ? null : before.show(),
            before == null ? null : before.sweep(),
            before != null && before.draws());
    // The rules of the file are the rules of the lesson: what could not be opened is not saved.
    Lesson reread =
        LessonFile.parse(
            "The lesson",
            LessonFile.toJson(lesson).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    check("The setup form", reread);
    return reread;
  }

  private static Set<Control> controls(Set<String> ids) {
    Set<Control> out = EnumSet.noneOf(Control.class);
    for (String id : ids) {
      out.add(Control.withId(id).orElseThrow(() -> new IllegalArgumentException(id)));
    }
    return out;
  }

  /** Text split at blank lines into paragraphs. */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.strip().split("\\R\\s*\\R")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static String fileName(String title) {
    String n =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return (n.isEmpty() ? "lesson" : n) + LessonFile.EXTENSION;
  }

  // ---- properties

  /** The lesson in use; null without one. */
  public ReadOnlyObjectProperty<Lesson> lessonProperty() {
    return current.getReadOnlyProperty();
  }

  /** Whether a lesson is in use: its panel shows. */
  public ReadOnlyBooleanProperty activeProperty() {
    return active.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** What to look at, paragraphs separated by blank lines. */
  public ReadOnlyStringProperty lookProperty() {
    return look.getReadOnlyProperty();
  }

  /** What to try. */
  public ReadOnlyStringProperty tryProperty() {
    return tryThis.getReadOnlyProperty();
  }

  /** What to expect. */
  public ReadOnlyStringProperty expectProperty() {
    return expect.getReadOnlyProperty();
  }

  /** Whether the lesson in use shows reparameterisation draws on the scatter. */
  public ReadOnlyBooleanProperty drawsProperty() {
    return draws.getReadOnlyProperty();
  }

  /** Whether the lesson has a sweep to run. */
  public ReadOnlyBooleanProperty hasSweepProperty() {
    return hasSweep.getReadOnlyProperty();
  }

  /** Whether Run the sweep can be pressed: the lesson has one and a runner is set. */
  public ReadOnlyBooleanProperty canSweepProperty() {
    return canSweep.getReadOnlyProperty();
  }
}
