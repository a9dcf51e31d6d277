package org.latentexplorer.app.window;

import static org.latentexplorer.app.fx.MenuItems.item;
import static org.latentexplorer.app.fx.MenuItems.shortcut;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import org.latentexplorer.app.bound.BoundView;
import org.latentexplorer.app.compare.CompareView;
import org.latentexplorer.app.curves.CurvesView;
import org.latentexplorer.app.draw.DrawView;
import org.latentexplorer.app.health.LatentHealthView;
import org.latentexplorer.app.holes.PriorHolesView;
import org.latentexplorer.app.interpolate.InterpolationView;
import org.latentexplorer.app.lesson.LessonView;
import org.latentexplorer.app.manifold.ManifoldView;
import org.latentexplorer.app.samples.SamplesView;
import org.latentexplorer.app.scatter.ScatterView;
import org.latentexplorer.app.setup.SetupView;
import org.latentexplorer.app.timeline.TimelineView;
import org.latentexplorer.app.training.StatusBarView;
import org.latentexplorer.app.training.TrainingView;

/**
 * The main window's content: menu bar; on the left the training controls and the setup form; in the
 * middle the Explore tab (manifold, curves, scatter, samples in a resizable 2 x 2 layout) and the
 * Compare tab; the status bar at the bottom; over it all, the loading overlay and the problem bar.
 * Confined to the JavaFX thread.
 */
public final class MainView extends BorderPane {
  /** The feature views the window lays out. Immutable (the views are not). */
  public record Views(
      TrainingView training,
      SetupView setup,
      ManifoldView manifold,
      CurvesView curves,
      ScatterView scatter,
      SamplesView samples,
      LatentHealthView health,
      InterpolationView interpolation,
      BoundView bound,
      DrawView draw,
      PriorHolesView holes,
      CompareView compare,
      TimelineView timeline,
      LessonView lesson,
      StatusBarView statusBar) {}

  private final MainViewModel vm;
  private final Views views;
  private final TabPane tabs = new TabPane();
  private final TabPane lookInside = new TabPane();
  private final Map<Tab, Node> contentOf = new HashMap<>();
  private Tab exploreTab;

  /**
   * @param quit leaves the app (saving the run first), from the menu or the loading overlay
   */
  public MainView(MainViewModel vm, Views views, Runnable quit) {
    this.vm = vm;
    this.views = views;
    getStyleClass().add("main");
    setTop(menus(quit));

    VBox trainingCard = card("Training", views.training());
    // The controls always show whole; the setup form below scrolls instead.
    trainingCard.setMinHeight(Region.USE_PREF_SIZE);
    VBox setupCard = card("Setup", views.setup());
    VBox.setVgrow(setupCard, Priority.ALWAYS);
    VBox left = new VBox(10, trainingCard, setupCard);
    left.getStyleClass().add("sidebar");
    left.disableProperty().bind(vm.blockedProperty());
    left.setPrefWidth(310);
    left.setMinWidth(270);
    left.setMaxWidth(360);
    setLeft(left);

    SplitPane top =
        new SplitPane(card("Manifold", views.manifold()), card("Learning curves", views.curves()));
    top.setDividerPositions(0.52);
    SplitPane bottom = new SplitPane(card("Latent scatter", views.scatter()), lookInside());
    bottom.setDividerPositions(0.52);
    SplitPane explore = new SplitPane(top, bottom);
    explore.setOrientation(Orientation.VERTICAL);
    explore.setDividerPositions(0.55);
    explore.getStyleClass().add("explore");
    VBox exploreWithTimeline = new VBox(explore, views.timeline());
    VBox.setVgrow(explore, Priority.ALWAYS);
    exploreTab = new Tab("Explore", exploreWithTimeline);
    exploreTab.setId("exploreTab");
    Tab compareTab = lazyTab("Compare", "compareTab", card("Compare models", views.compare()));
    views.compare().setOnExport(this::exportComparison);
    tabs.getTabs().addAll(exploreTab, compareTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    vm.exploreShownProperty().bind(exploreTab.selectedProperty());

    StackPane center = new StackPane(tabs, problemBar(), overlay(quit));
    setCenter(center);
    // The lesson's side joins the window with the first lesson opened, as the tabs do.
    VBox right = new VBox();
    right.getStyleClass().add("lesson-side");
    right.visibleProperty().bind(views.lesson().managedProperty());
    right.managedProperty().bind(views.lesson().managedProperty());
    VBox.setVgrow(views.lesson(), Priority.ALWAYS);
    views
        .lesson()
        .managedProperty()
        .addListener(
            (o, was, shown) -> {
              if (shown && right.getChildren().isEmpty()) {
                right.getChildren().add(views.lesson());
              }
            });
    if (views.lesson().isManaged()) {
      right.getChildren().add(views.lesson());
    }
    setRight(right);
    setBottom(views.statusBar());
  }

  /**
   * The card beside the scatter: one tab for each way of looking inside the model, so that what a
   * tab puts on the scatter (a drawn digit's posterior, a path) is seen beside it.
   */
  private Node lookInside() {
    lookInside
        .getTabs()
        .addAll(
            lazyTab("Samples", "samplesTab", views.samples()),
            lazyTab("Draw", "drawTab", views.draw()),
            lazyTab("Interpolate", "interpolateTab", views.interpolation()),
            lazyTab("Health", "healthTab", views.health()),
            lazyTab("Bound", "boundTab", views.bound()),
            lazyTab("Prior holes", "priorHolesTab", views.holes()));
    lookInside.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    lookInside.getStyleClass().add("inspect-tabs");
    VBox box = new VBox(lookInside);
    VBox.setVgrow(lookInside, Priority.ALWAYS);
    box.getStyleClass().add("card");
    box.setMinSize(0, 0);
    return box;
  }

  /**
   * A tab that takes {@code content} into the window when it is first selected: the window's first
   * style and layout pass, at start-up, then covers only what shows.
   */
  private Tab lazyTab(String title, String id, Node content) {
    Tab tab = new Tab(title);
    tab.setId(id);
    contentOf.put(tab, content);
    // A tab pane selects its first tab as it is added, which brings that tab's content in.
    tab.selectedProperty()
        .addListener(
            (o, was, selected) -> {
              if (selected) {
                bringIn(tab);
              }
            });
    return tab;
  }

  /** Puts the content of {@code tab}, one of {@link #lazyTab}'s, into it if it is not there yet. */
  private void bringIn(Tab tab) {
    if (tab.getContent() == null) {
      tab.setContent(contentOf.get(tab));
    }
  }

  /**
   * Whether {@code content} is on screen: the Explore tab shows and, for the views in the tabs
   * beside the scatter, their tab is the one selected. Views draw their pictures only then.
   */
  public BooleanExpression showing(Node content) {
    for (Tab t : lookInside.getTabs()) {
      if (contentOf.get(t) == content) {
        return exploreTab.selectedProperty().and(t.selectedProperty());
      }
    }
    return exploreTab.selectedProperty();
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
    MenuItem openData = item("Open data set file\u2026", null, vm::openDatasetFile);
    openData.setId("openDatasetItem");
    MenuItem openFolder = item("Open image folder\u2026", null, vm::openDatasetFolder);
    MenuItem openModel = item("Open model\u2026", shortcut(KeyCode.O), vm::openModel);
    openModel.setId("openModelItem");
    MenuItem save = item("Save model", shortcut(KeyCode.S), vm::save);
    save.setId("saveItem");
    MenuItem saveAs =
        item(
            "Save model as\u2026",
            new KeyCodeCombination(
                KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            vm::saveAs);
    saveAs.setId("saveAsItem");
    for (MenuItem i : new MenuItem[] {save, saveAs}) {
      i.disableProperty().bind(vm.canSaveProperty().not());
    }
    Menu export = new Menu("Export");
    export.setId("exportMenu");
    export
        .getItems()
        .addAll(
            item("Manifold as PNG\u2026", null, vm::exportManifoldPng),
            item(
                "Scatter plot as PNG\u2026",
                null,
                () -> vm.exportPng("scatter plot", snapshot(views.scatter().canvas()))),
            item(
                "Samples as PNG\u2026",
                null,
                () -> vm.exportPng("samples", snapshot(views.samples().picturesNode()))),
            item(
                "Drawing and reconstruction as PNG\u2026",
                null,
                () -> vm.exportPng("drawing", snapshot(views.draw().picturesNode()))),
            item(
                "Curves as PNG\u2026",
                null,
                () -> vm.exportPng("curves", snapshot(views.curves()))),
            item("Curves as CSV\u2026", null, vm::exportCsv),
            item(
                "Timeline of the manifold as GIF\u2026",
                null,
                () -> vm.exportTimeline(false, false)),
            item(
                "Timeline of the scatter as GIF\u2026", null, () -> vm.exportTimeline(true, false)),
            item(
                "Timeline of the manifold as PNG files\u2026",
                null,
                () -> vm.exportTimeline(false, true)),
            item(
                "Latent health as PNG\u2026",
                null,
                () -> vm.exportPng("latent health", snapshot(views.health()))),
            item("Latent health as CSV\u2026", null, vm::exportHealthCsv),
            item(
                "Bound against L as PNG\u2026",
                null,
                () -> vm.exportPng("bound against L", snapshot(views.bound()))),
            item(
                "Bound against L as CSV\u2026",
                null,
                () -> vm.exportCsv("bound against L", views.bound()::writeCsv)),
            item(
                "Interpolation as PNG\u2026",
                null,
                () ->
                    vm.exportPng("interpolation", snapshot(views.interpolation().picturesNode()))));
    export
        .getItems()
        .addAll(
            item(
                "Prior holes as PNG\u2026",
                null,
                () -> vm.exportPng("prior holes", snapshot(views.holes().picturesNode()))),
            item(
                "Prior holes as CSV\u2026",
                null,
                () -> vm.exportCsv("prior holes", views.holes()::writeCsv)),
            item("Comparison as PNG\u2026", null, this::exportComparison));
    MenuItem quitItem = item("Quit", shortcut(KeyCode.Q), quit);
    Menu file =
        new Menu(
            "File",
            null,
            openData,
            openFolder,
            new SeparatorMenuItem(),
            openModel,
            save,
            saveAs,
            new SeparatorMenuItem(),
            export,
            new SeparatorMenuItem(),
            quitItem);

    Menu training = new Menu("Training");
    training.getItems().addAll(views.training().menuItems());
    training.getItems().addAll(new SeparatorMenuItem(), views.curves().estimateMenuItem());

    MenuItem exploreItem =
        item("Explore", shortcut(KeyCode.DIGIT1), () -> tabs.getSelectionModel().select(0));
    MenuItem compareItem =
        item("Compare", shortcut(KeyCode.DIGIT2), () -> tabs.getSelectionModel().select(1));
    Menu view =
        new Menu(
            "View",
            null,
            exploreItem,
            compareItem,
            new SeparatorMenuItem(),
            views.curves().logScaleMenuItem(),
            views.scatter().drawsMenuItem());

    MenuItem keys =
        item("Keyboard shortcuts", null, () -> inform("Keyboard shortcuts", vm.shortcutsText()));
    MenuItem about = item("About", null, () -> inform("About Latent Explorer", vm.aboutText()));
    Menu help = new Menu("Help", null, keys, about);
    MenuBar bar = new MenuBar(file, training, view, views.lesson().menu(), help);
    bar.setId("menuBar");
    return bar;
  }

  /** The Compare tab's models, names, numbers and prior samples, in one picture. */
  private void exportComparison() {
    Node page = views.compare().exportNode();
    vm.exportPng("comparison", page == null ? null : snapshot(page));
  }

  private void inform(String title, String text) {
    javafx.scene.control.Alert a =
        new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, text);
    a.initOwner(getScene() == null ? null : getScene().getWindow());
    a.setTitle(title);
    a.setHeaderText(title);
    a.show();
  }

  /** A picture of {@code node}, which joins the window first if its tab was never opened. */
  private Image snapshot(Node node) {
    if (node.getScene() == null) {
      contentOf.keySet().forEach(this::bringIn);
    }
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.WHITE);
    return node.snapshot(p, null);
  }

  private Node problemBar() {
    Label title = new Label();
    title.setId("problemTitle");
    title.getStyleClass().add("problem-title");
    title.textProperty().bind(vm.problemTitleProperty());
    Label message = new Label();
    message.setId("problemText");
    message.setWrapText(true);
    message.getStyleClass().add("problem-text");
    message.textProperty().bind(vm.problemTextProperty());
    HBox.setHgrow(message, Priority.ALWAYS);
    message.setMaxWidth(Double.MAX_VALUE);
    Button close = new Button("Dismiss");
    close.setId("problemDismiss");
    close.setOnAction(e -> vm.dismissProblem());
    HBox bar = new HBox(10, title, message, close);
    bar.setId("problemBar");
    bar.getStyleClass().add("problem-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setMaxHeight(Region.USE_PREF_SIZE);
    bar.setMaxWidth(900);
    StackPane.setAlignment(bar, Pos.TOP_CENTER);
    bar.visibleProperty().bind(vm.problemShownProperty());
    bar.managedProperty().bind(vm.problemShownProperty());
    return bar;
  }

  private Node overlay(Runnable quit) {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(48, 48);
    Label busy = new Label();
    busy.setId("busyText");
    busy.getStyleClass().add("overlay-text");
    busy.textProperty().bind(vm.busyTextProperty());
    Label error = new Label();
    error.setId("startupError");
    error.getStyleClass().add("overlay-error");
    error.setWrapText(true);
    error.setMaxWidth(520);
    error.textProperty().bind(vm.startupErrorProperty());
    Button quitButton = new Button("Quit");
    quitButton.setOnAction(e -> quit.run());
    VBox box = new VBox(12, spinner, busy, error, quitButton);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("overlay-box");
    box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    StackPane overlay = new StackPane(box);
    overlay.setId("loadingOverlay");
    overlay.getStyleClass().add("overlay");
    var failed = vm.startupFailedProperty();
    spinner.visibleProperty().bind(failed.not());
    spinner.managedProperty().bind(failed.not());
    quitButton.visibleProperty().bind(failed);
    quitButton.managedProperty().bind(failed);
    error.visibleProperty().bind(failed);
    error.managedProperty().bind(failed);
    overlay.visibleProperty().bind(vm.blockedProperty());
    return overlay;
  }

  /**
   * Brings the tab whose id is {@code name} + "Tab" to the front ("compare", "bound", ...), with
   * the Explore tab for those beside the scatter; a name of no tab changes nothing.
   */
  public void showTab(String name) {
    String id = name + "Tab";
    for (Tab t : tabs.getTabs()) {
      if (id.equals(t.getId())) {
        tabs.getSelectionModel().select(t);
        return;
      }
    }
    for (Tab t : lookInside.getTabs()) {
      if (id.equals(t.getId())) {
        tabs.getSelectionModel().select(exploreTab);
        lookInside.getSelectionModel().select(t);
        return;
      }
    }
  }

  /** Shows the Explore (0) or Compare (1) tab. */
  public void selectTab(int index) {
    tabs.getSelectionModel().select(index);
  }
}
