package org.latentexplorer.app.window;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentexplorer.app.compare.CompareView;
import org.latentexplorer.app.curves.CurvesView;
import org.latentexplorer.app.curves.CurvesViewModel;
import org.latentexplorer.app.manifold.ManifoldView;
import org.latentexplorer.app.manifold.ManifoldViewModel;
import org.latentexplorer.app.samples.SamplesView;
import org.latentexplorer.app.samples.SamplesViewModel;
import org.latentexplorer.app.scatter.ScatterView;
import org.latentexplorer.app.scatter.ScatterViewModel;
import org.latentexplorer.app.setup.SetupView;
import org.latentexplorer.app.setup.SetupViewModel;
import org.latentexplorer.app.training.StatusBarView;
import org.latentexplorer.app.training.TrainingView;
import org.latentexplorer.app.training.TrainingViewModel;
import org.latentexplorer.app.workspace.Problem;
import org.latentexplorer.app.workspace.Workspace;

/**
 * The main window's content: menu bar; on the left the training controls and the setup form; in
 * the middle the Explore tab (manifold, curves, scatter, samples in a resizable 2 x 2 layout) and
 * the Compare tab; the status bar at the bottom; over it all, the loading overlay and the problem
 * bar. Confined to the JavaFX thread.
 */
public final class MainView extends BorderPane {
  /** The feature views and view models the window lays out. Immutable (the parts are not). */
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
      CompareView compareView) {}

  private final Parts parts;
  private final Workspace workspace;
  private final TabPane tabs = new TabPane();

  public MainView(Parts parts, Workspace workspace, Runnable quit) {
    this.parts = parts;
    this.workspace = workspace;
    getStyleClass().add("main");
    setTop(menus(quit));

    VBox trainingCard = card("Training", parts.trainingView());
    // The controls always show whole; the setup form below scrolls instead.
    trainingCard.setMinHeight(Region.USE_PREF_SIZE);
    VBox setupCard = card("Setup", parts.setupView());
    VBox.setVgrow(setupCard, Priority.ALWAYS);
    VBox left = new VBox(10, trainingCard, setupCard);
    left.getStyleClass().add("sidebar");
    // Nothing to set up or train while loading, or when loading failed.
    left.disableProperty().bind(workspace.busyProperty().isNotEmpty()
        .or(workspace.startupErrorProperty().isNotEmpty()));
    left.setPrefWidth(310);
    left.setMinWidth(270);
    left.setMaxWidth(360);
    setLeft(left);

    SplitPane top = new SplitPane(card("Manifold", parts.manifoldView()),
        card("Learning curves", parts.curvesView()));
    top.setDividerPositions(0.52);
    SplitPane bottom = new SplitPane(card("Latent scatter", parts.scatterView()),
        card("Samples and reconstructions", parts.samplesView()));
    bottom.setDividerPositions(0.52);
    SplitPane explore = new SplitPane(top, bottom);
    explore.setOrientation(Orientation.VERTICAL);
    explore.setDividerPositions(0.55);
    explore.getStyleClass().add("explore");
    Tab exploreTab = new Tab("Explore", explore);
    exploreTab.setId("exploreTab");
    Tab compareTab = new Tab("Compare", card("Compare models", parts.compareView()));
    compareTab.setId("compareTab");
    tabs.getTabs().addAll(exploreTab, compareTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    parts.manifold().activeProperty().bind(exploreTab.selectedProperty());
    parts.scatter().activeProperty().bind(exploreTab.selectedProperty());
    parts.samples().activeProperty().bind(exploreTab.selectedProperty());

    StackPane center = new StackPane(tabs, problemBar(), overlay(quit));
    setCenter(center);
    setBottom(parts.statusBar());
  }

  private static VBox card(String title, Node content) {
    Label l = new Label(title);
    l.getStyleClass().add("card-title");
    VBox box = new VBox(6, l, content);
    box.getStyleClass().add("card");
    VBox.setVgrow(content, Priority.ALWAYS);
    box.setMinSize(0, 0);
    return box;
  }

  private MenuBar menus(Runnable quit) {
    MainViewModel main = parts.main();
    MenuItem openData = item("Open data set file\u2026", null, main::openDatasetFile);
    openData.setId("openDatasetItem");
    MenuItem openFolder = item("Open image folder\u2026", null, main::openDatasetFolder);
    MenuItem openModel = item("Open model\u2026", shortcut(KeyCode.O), main::openModel);
    openModel.setId("openModelItem");
    MenuItem save = item("Save model", shortcut(KeyCode.S), main::save);
    save.setId("saveItem");
    MenuItem saveAs = item("Save model as\u2026",
        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN), main::saveAs);
    saveAs.setId("saveAsItem");
    for (MenuItem i : new MenuItem[] {save, saveAs}) {
      i.disableProperty().bind(workspace.snapshotProperty().isNull());
    }
    Menu export = new Menu("Export");
    export.setId("exportMenu");
    export.getItems().addAll(
        item("Manifold as PNG\u2026", null,
            () -> main.exportPng("manifold", parts.manifold().gridImage().get())),
        item("Scatter plot as PNG\u2026", null,
            () -> main.exportPng("scatter plot", snapshot(parts.scatterView().canvas()))),
        item("Samples as PNG\u2026", null,
            () -> main.exportPng("samples", snapshot(parts.samplesView().picturesNode()))),
        item("Curves as PNG\u2026", null,
            () -> main.exportPng("curves", snapshot(parts.curvesView()))),
        item("Curves as CSV\u2026", null, main::exportCsv));
    MenuItem quitItem = item("Quit", shortcut(KeyCode.Q), quit);
    Menu file = new Menu("File", null, openData, openFolder, new SeparatorMenuItem(), openModel,
        save, saveAs, new SeparatorMenuItem(), export, new SeparatorMenuItem(), quitItem);

    TrainingViewModel t = parts.training();
    MenuItem primary = item("Train / Pause", shortcut(KeyCode.T), t::primary);
    primary.setId("trainItem");
    primary.textProperty().bind(t.primaryTextProperty());
    primary.disableProperty().bind(t.canPrimaryProperty().not());
    MenuItem step = item("Step", shortcut(KeyCode.RIGHT), t::step);
    step.disableProperty().bind(t.canStepProperty().not());
    MenuItem stop = item("Stop", shortcut(KeyCode.PERIOD), t::stop);
    stop.disableProperty().bind(t.canStopProperty().not());
    MenuItem reset = item("Reset", shortcut(KeyCode.R), t::reset);
    reset.disableProperty().bind(t.canResetProperty().not());
    MenuItem estimate = item("Estimate log p(x)", shortcut(KeyCode.L),
        parts.curves()::estimate);
    estimate.disableProperty().bind(parts.curves().canEstimateProperty().not());
    Menu training = new Menu("Training", null, primary, step, stop, reset,
        new SeparatorMenuItem(), estimate);

    CheckMenuItem log = new CheckMenuItem("Log scale for samples seen");
    log.selectedProperty().bindBidirectional(parts.curves().logScaleProperty());
    MenuItem exploreItem = item("Explore", shortcut(KeyCode.DIGIT1),
        () -> tabs.getSelectionModel().select(0));
    MenuItem compareItem = item("Compare", shortcut(KeyCode.DIGIT2),
        () -> tabs.getSelectionModel().select(1));
    Menu view = new Menu("View", null, exploreItem, compareItem, new SeparatorMenuItem(), log);

    MenuItem keys = item("Keyboard shortcuts", null, () -> inform("Keyboard shortcuts",
        "Ctrl+T\ttrain, pause, resume\nCtrl+\u2192\tstep (one minibatch)\nCtrl+.\tstop\n"
            + "Ctrl+R\treset to the seed\nCtrl+L\testimate log p(x)\nCtrl+O\topen a model\n"
            + "Ctrl+S\tsave the model\nCtrl+Shift+S\tsave as\nCtrl+1, Ctrl+2\tExplore,"
            + " Compare\nCtrl+Q\tquit"));
    MenuItem about = item("About", null,
        () -> inform("About Latent Explorer", parts.main().aboutText()));
    Menu help = new Menu("Help", null, keys, about);
    MenuBar bar = new MenuBar(file, training, view, help);
    bar.setId("menuBar");
    return bar;
  }

  private void inform(String title, String text) {
    javafx.scene.control.Alert a = new javafx.scene.control.Alert(
        javafx.scene.control.Alert.AlertType.INFORMATION, text);
    a.initOwner(getScene() == null ? null : getScene().getWindow());
    a.setTitle(title);
    a.setHeaderText(title);
    a.show();
  }

  private static KeyCombination shortcut(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
  }

  private static MenuItem item(String text, KeyCombination keys, Runnable action) {
    MenuItem i = new MenuItem(text);
    if (keys != null) {
      i.setAccelerator(keys);
    }
    i.setOnAction(e -> action.run());
    return i;
  }

  private static Image snapshot(Node node) {
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.WHITE);
    return node.snapshot(p, null);
  }

  private Node problemBar() {
    Label title = new Label();
    title.setId("problemTitle");
    title.getStyleClass().add("problem-title");
    Label message = new Label();
    message.setId("problemText");
    message.setWrapText(true);
    message.getStyleClass().add("problem-text");
    HBox.setHgrow(message, Priority.ALWAYS);
    message.setMaxWidth(Double.MAX_VALUE);
    Button close = new Button("Dismiss");
    close.setId("problemDismiss");
    close.setOnAction(e -> workspace.clearProblem());
    HBox bar = new HBox(10, title, message, close);
    bar.setId("problemBar");
    bar.getStyleClass().add("problem-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setMaxHeight(Region.USE_PREF_SIZE);
    bar.setMaxWidth(900);
    StackPane.setAlignment(bar, Pos.TOP_CENTER);
    workspace.problemProperty().addListener((o, a, b) -> show(bar, title, message, b));
    show(bar, title, message, workspace.problemProperty().get());
    return bar;
  }

  private static void show(HBox bar, Label title, Label message, Problem p) {
    bar.setVisible(p != null);
    bar.setManaged(p != null);
    title.setText(p == null ? "" : p.title());
    message.setText(p == null ? "" : p.message());
  }

  private Node overlay(Runnable quit) {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(48, 48);
    Label busy = new Label();
    busy.setId("busyText");
    busy.getStyleClass().add("overlay-text");
    busy.textProperty().bind(workspace.busyProperty());
    Label error = new Label();
    error.setId("startupError");
    error.getStyleClass().add("overlay-error");
    error.setWrapText(true);
    error.setMaxWidth(520);
    error.textProperty().bind(workspace.startupErrorProperty());
    Button quitButton = new Button("Quit");
    quitButton.setOnAction(e -> quit.run());
    VBox box = new VBox(12, spinner, busy, error, quitButton);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("overlay-box");
    box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    StackPane overlay = new StackPane(box);
    overlay.setId("loadingOverlay");
    overlay.getStyleClass().add("overlay");
    var failed = workspace.startupErrorProperty().isNotEmpty();
    spinner.visibleProperty().bind(failed.not());
    spinner.managedProperty().bind(failed.not());
    quitButton.visibleProperty().bind(failed);
    quitButton.managedProperty().bind(failed);
    error.visibleProperty().bind(failed);
    error.managedProperty().bind(failed);
    overlay.visibleProperty().bind(Bindings.or(workspace.busyProperty().isNotEmpty(), failed));
    return overlay;
  }

  /** Shows the Explore (0) or Compare (1) tab. */
  public void selectTab(int index) {
    tabs.getSelectionModel().select(index);
  }
}
