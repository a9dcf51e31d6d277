package org.latentexplorer.app.lesson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The lesson panel beside the explorer (its title, what to look at, what to try, what to expect, in
 * large type for a projector; collapsible), the Lessons menu and the Save as lesson dialog.
 * Confined to the JavaFX thread; all logic is in {@link LessonsViewModel}.
 */
public final class LessonView extends VBox {
  private final LessonsViewModel vm;

  public LessonView(LessonsViewModel vm) {
    this.vm = vm;
    setId("lessonPanel");
    getStyleClass().addAll("card", "lesson-panel");
    setSpacing(8);
    visibleProperty().bind(vm.activeProperty());
    managedProperty().bind(vm.activeProperty());

    Label title = new Label();
    title.setId("lessonTitle");
    title.getStyleClass().add("lesson-title");
    title.setWrapText(true);
    title.textProperty().bind(vm.titleProperty());
    HBox.setHgrow(title, Priority.ALWAYS);
    title.setMaxWidth(Double.MAX_VALUE);
    ToggleButton collapse = new ToggleButton("Hide");
    collapse.setId("lessonCollapse");
    Tooltips.install(collapse, "Fold the explanation away (the lesson stays)");
    collapse
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(collapse.selectedProperty())
                .then("Show")
                .otherwise("Hide"));
    Button leave = new Button("Leave");
    leave.setId("leaveLessonButton");
    Tooltips.install(leave, "Show all the setup controls again; the model stays");
    leave.setOnAction(e -> vm.leave());
    // The buttons keep their words; the title wraps instead.
    collapse.setMinWidth(Region.USE_PREF_SIZE);
    leave.setMinWidth(Region.USE_PREF_SIZE);
    HBox header = new HBox(8, title, collapse, leave);
    header.setAlignment(Pos.TOP_LEFT);

    Button sweep = new Button("Run the sweep");
    sweep.setId("runSweepButton");
    sweep.getStyleClass().add("accent");
    sweep.visibleProperty().bind(vm.hasSweepProperty());
    sweep.managedProperty().bind(vm.hasSweepProperty());
    sweep.disableProperty().bind(vm.canSweepProperty().not());
    Tooltips.install(sweep, "Train one short run for each value and compare them");
    sweep.setOnAction(e -> vm.runSweep());

    VBox text =
        new VBox(
            6,
            part("Look at", "lessonLook", vm.lookProperty()),
            part("Try", "lessonTry", vm.tryProperty()),
            part("Expect", "lessonExpect", vm.expectProperty()),
            sweep);
    text.getStyleClass().add("lesson-text");
    ScrollPane scroll = new ScrollPane(text);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("lesson-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    scroll.visibleProperty().bind(collapse.selectedProperty().not());
    scroll.managedProperty().bind(collapse.selectedProperty().not());
    // Folded, the panel shrinks to its title bar at the top of the window's side.
    setMaxHeight(Double.MAX_VALUE);
    collapse
        .selectedProperty()
        .addListener(
            (o, a, folded) -> setMaxHeight(folded ? Region.USE_PREF_SIZE : Double.MAX_VALUE));
    setPrefWidth(360);
    setMinWidth(260);
    getChildren().addAll(header, scroll);
  }

  private static Node part(String heading, String id, javafx.beans.value.ObservableStringValue t) {
    Label h = new Label(heading);
    h.getStyleClass().add("lesson-heading");
    Label body = new Label();
    body.setId(id);
    body.getStyleClass().add("lesson-body");
    body.setWrapText(true);
    body.textProperty().bind(t);
    VBox box = new VBox(2, h, body);
    box.visibleProperty().bind(body.textProperty().isNotEmpty());
    box.managedProperty().bind(body.textProperty().isNotEmpty());
    return box;
  }

  /** The Lessons menu: the bundled lessons, open, save as, leave. */
  public Menu menu() {
    Menu m = new Menu("Lessons");
    m.setId("lessonsMenu");
    // The bundled lessons' items are added when the menu first opens: their titles are in the
    // lesson files, which the window's start does not wait for.
    m.setOnShowing(
        e -> {
          m.getItems().addAll(0, bundledItems());
          m.setOnShowing(null);
        });
    MenuItem open = new MenuItem("Open lesson\u2026");
    open.setId("openLessonItem");
    open.setOnAction(e -> vm.openFile());
    MenuItem save = new MenuItem("Save as lesson\u2026");
    save.setId("saveLessonItem");
    save.setOnAction(e -> askDraft().ifPresent(vm::saveAs));
    MenuItem leave = new MenuItem("Leave lesson");
    leave.setId("leaveLessonItem");
    leave.disableProperty().bind(vm.activeProperty().not());
    leave.setOnAction(e -> vm.leave());
    m.getItems().addAll(open, save, leave);
    return m;
  }

  private List<MenuItem> bundledItems() {
    List<String> titles = vm.bundledTitles();
    List<MenuItem> items = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      int index = i;
      MenuItem item = new MenuItem((i + 1) + ". " + titles.get(i));
      item.setId("lesson" + (i + 1) + "Item");
      item.setOnAction(e -> vm.openBundled(index));
      items.add(item);
    }
    items.add(new SeparatorMenuItem());
    return items;
  }

  /** The small dialog of Save as lesson: title, the three texts, what to hide and lock. */
  private Optional<LessonsViewModel.Draft> askDraft() {
    LessonsViewModel.Draft start = vm.draft();
    TextField title = new TextField(start.title());
    title.setPromptText("Title");
    TextArea look = area(start.look(), "What to look at (blank lines between paragraphs)");
    TextArea tryThis = area(start.tryThis(), "What to try");
    TextArea expect = area(start.expect(), "What to expect");
    GridPane controls = new GridPane();
    controls.setHgap(10);
    controls.setVgap(2);
    controls.addRow(0, new Label("Setup control"), new Label("Hide"), new Label("Lock"));
    List<String> ids = vm.controlIds();
    CheckBox[] hide = new CheckBox[ids.size()];
    CheckBox[] lock = new CheckBox[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      hide[i] = new CheckBox();
      hide[i].setSelected(start.hidden().contains(ids.get(i)));
      lock[i] = new CheckBox();
      lock[i].setSelected(start.locked().contains(ids.get(i)));
      controls.addRow(i + 1, new Label(ids.get(i)), hide[i], lock[i]);
    }
    ScrollPane controlScroll = new ScrollPane(controls);
    controlScroll.setPrefViewportHeight(180);
    VBox content =
        new VBox(
            6,
            new Label("The current setup, seed and data set are saved with:"),
            title,
            look,
            tryThis,
            expect,
            controlScroll);
    content.setPrefWidth(520);
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(getScene() == null ? null : getScene().getWindow());
    d.setTitle("Save as lesson");
    d.setHeaderText("Save as lesson");
    d.getDialogPane().setContent(content);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Optional<ButtonType> answer = d.showAndWait();
    if (answer.isEmpty() || answer.get() != ButtonType.OK) {
      return Optional.empty();
    }
    Set<String> hidden = new HashSet<>();
    Set<String> locked = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (hide[i].isSelected()) {
        hidden.add(ids.get(i));
      }
      if (lock[i].isSelected()) {
        locked.add(ids.get(i));
      }
    }
    return Optional.of(
        new LessonsViewModel.Draft(
            title.getText(), look.getText(), tryThis.getText(), expect.getText(), hidden, locked));
  }

  private static TextArea area(String text, String prompt) {
    TextArea a = new TextArea(text);
    a.setPromptText(prompt);
    a.setWrapText(true);
    a.setPrefRowCount(3);
    return a;
  }

  public LessonsViewModel viewModel() {
    return vm;
  }
}
