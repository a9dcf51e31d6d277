package org.latentexplorer.app.compare;

import java.util.Comparator;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentexplorer.app.fx.Dialogs;
import org.latentexplorer.app.fx.Tooltips;

/**
 * Models side by side, one row each: name, numbers (sortable columns), scatter, manifold, samples
 * and reconstructions; above them the buttons to add models and the sweep's settings, progress and
 * Cancel. Confined to the JavaFX thread.
 */
public final class CompareView extends VBox {
  /** Width and height of a picture in the table. */
  private static final double PICTURE = 150;

  private final CompareViewModel vm;
  private final TableView<CompareRow> table = new TableView<>();
  private final SortedList<CompareRow> sorted;
  private final Button export = new Button("Export PNG\u2026");

  public CompareView(CompareViewModel vm, Dialogs dialogs, Supplier<Window> owner) {
    this.vm = vm;
    getStyleClass().add("compare");
    setSpacing(8);
    Button current = new Button("Add current run");
    current.setId("compareCurrentButton");
    current.getStyleClass().add("accent");
    current.setOnAction(e -> vm.addCurrentRun());
    Tooltips.install(current, "Evaluate the model being trained, as it is now");
    Button file = new Button("Add model file\u2026");
    file.setId("compareFileButton");
    file.setOnAction(e -> dialogs.openModel(owner.get()).ifPresent(vm::addFile));
    ToggleButton sweep = new ToggleButton("Sweep\u2026");
    sweep.setId("sweepButton");
    Tooltips.install(
        sweep,
        "Train one model per value of one setting, the others as in the setup form, and"
            + " compare them");
    Button clear = new Button("Clear");
    clear.setOnAction(e -> vm.clear());
    export.setId("compareExportButton");
    Tooltips.install(export, "Every model's name, numbers and prior samples in one picture");
    export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.rows()));
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(vm.workingProperty());
    spinner.managedProperty().bind(vm.workingProperty());
    Label status = new Label();
    status.setId("compareStatus");
    status.getStyleClass().add("hint");
    status.textProperty().bind(vm.statusProperty());
    HBox bar = new HBox(8, current, file, sweep, clear, export, spinner, status);
    bar.setAlignment(Pos.CENTER_LEFT);
    for (Region b : new Region[] {current, file, sweep, clear, export}) {
      // The status elides before a button does.
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    status.setMinWidth(0);

    Node sweepPane = sweepPane();
    sweepPane.visibleProperty().bind(sweep.selectedProperty().or(vm.sweepingProperty()));
    sweepPane.managedProperty().bind(sweepPane.visibleProperty());

    sorted = new SortedList<>(vm.rows());
    table.setId("compareTable");
    table.getStyleClass().add("compare-table");
    table.setItems(sorted);
    table.setPlaceholder(
        new Label("Add the current run or model files, or run a sweep, to compare them here."));
    table.setRowFactory(t -> new ModelRow());
    // One height for every row, the pictures' with their titles: a wrapped description would
    // otherwise be measured at no width and make its row tall.
    table.setFixedCellSize(PICTURE + 36);
    table.getColumns().add(modelColumn());
    for (int i = 0; i < CompareRow.NUMBER_LABELS.size(); i++) {
      table.getColumns().add(numberColumn(i));
    }
    String[] pictures = {
      "Scatter", "Manifold", "Samples from the prior", "Test images over reconstructions"
    };
    for (int i = 0; i < pictures.length; i++) {
      table.getColumns().add(pictureColumn(pictures[i], i));
    }
    // Dashes (a number the family lacks) stay last whichever way a column is sorted.
    table.setSortPolicy(
        t -> {
          Comparator<CompareRow> order = null;
          for (TableColumn<CompareRow, ?> c : t.getSortOrder()) {
            if (c.getUserData() instanceof Integer column) {
              Comparator<CompareRow> next =
                  CompareRow.byNumber(column, c.getSortType() == TableColumn.SortType.DESCENDING);
              order = order == null ? next : order.thenComparing(next);
            }
          }
          sorted.setComparator(order);
          return true;
        });
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(bar, sweepPane, table);
  }

  /** The sweep's settings, Start and Cancel, its progress. */
  private Node sweepPane() {
    ChoiceBox<String> axis = new ChoiceBox<>();
    axis.setId("sweepAxis");
    axis.getItems().setAll(vm.sweepAxes());
    TextField values = new TextField();
    values.setId("sweepValues");
    values.setPrefColumnCount(16);
    Tooltips.install(values, "Values separated by commas");
    axis.valueProperty().addListener((o, a, b) -> values.setText(vm.defaultSweepValues(b)));
    axis.setValue("latent");
    TextField epochs = new TextField(Integer.toString(CompareViewModel.DEFAULT_SWEEP_EPOCHS));
    epochs.setId("sweepEpochs");
    epochs.setPrefColumnCount(3);
    Tooltips.install(
        epochs, "Epochs each model trains; the other training settings are the form's");
    Button start = new Button("Start");
    start.setId("sweepStart");
    start.getStyleClass().add("accent");
    start.setOnAction(e -> vm.sweep(axis.getValue(), values.getText(), epochs.getText()));
    Button cancel = new Button("Cancel");
    cancel.setId("sweepCancel");
    cancel.setOnAction(e -> vm.cancelSweep());
    start.disableProperty().bind(vm.sweepingProperty());
    cancel.disableProperty().bind(vm.sweepingProperty().not());
    axis.disableProperty().bind(vm.sweepingProperty());
    values.disableProperty().bind(vm.sweepingProperty());
    epochs.disableProperty().bind(vm.sweepingProperty());
    ProgressBar progress = new ProgressBar();
    progress.setId("sweepProgress");
    progress.setPrefWidth(160);
    progress.progressProperty().bind(vm.sweepProgressProperty());
    progress.visibleProperty().bind(vm.sweepingProperty());
    HBox pane =
        new HBox(
            8,
            hint("Vary"),
            axis,
            hint("over"),
            values,
            hint("epochs per model"),
            epochs,
            start,
            cancel,
            progress);
    pane.setId("sweepPane");
    pane.setAlignment(Pos.CENTER_LEFT);
    return pane;
  }

  /** A table row; marked as a compared model's only while it holds one. */
  private static final class ModelRow extends TableRow<CompareRow> {
    @Override
    protected void updateItem(CompareRow item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("compare-row");
      if (!empty && item != null) {
        getStyleClass().add("compare-row");
      }
    }
  }

  private TableColumn<CompareRow, CompareRow> modelColumn() {
    TableColumn<CompareRow, CompareRow> c = new TableColumn<>("Model");
    c.setSortable(false);
    c.setPrefWidth(230);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(CompareRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                  setGraphic(null);
                  return;
                }
                Label name = new Label(r.name());
                name.getStyleClass().add("compare-title");
                name.setWrapText(true);
                Label description = hint(r.description());
                description.setWrapText(true);
                Button remove = new Button("Remove");
                remove.setOnAction(e -> vm.remove(r));
                VBox box = new VBox(6, name, description, remove);
                box.setPrefWidth(210);
                setGraphic(box);
              }
            });
    return c;
  }

  /** Column {@code index} of the numbers; sorts by the number, dashes last. */
  private static TableColumn<CompareRow, CompareRow.Entry> numberColumn(int index) {
    TableColumn<CompareRow, CompareRow.Entry> c =
        new TableColumn<>(CompareRow.NUMBER_LABELS.get(index));
    c.setId("compareColumn" + index);
    c.setUserData(index);
    // Wide enough for the header's words.
    c.setPrefWidth(
        Math.max(70, Math.min(170, 7 * CompareRow.NUMBER_LABELS.get(index).length() + 20)));
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().numbers().get(index)));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(CompareRow.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.value());
              }
            });
    c.getStyleClass().add("compare-number");
    return c;
  }

  private static TableColumn<CompareRow, CompareRow.Picture> pictureColumn(
      String title, int index) {
    TableColumn<CompareRow, CompareRow.Picture> c = new TableColumn<>(title);
    c.setSortable(false);
    c.setPrefWidth(PICTURE + 16);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().pictures().get(index)));
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(CompareRow.Picture p, boolean empty) {
                super.updateItem(p, empty);
                // The title says when a wider latent shows a plane of it.
                setGraphic(empty || p == null ? null : picture(p.title(), p.image(), PICTURE));
              }
            });
    return c;
  }

  /** Runs {@code action} when the user asks to export the comparison. */
  public void setOnExport(Runnable action) {
    export.setOnAction(e -> action.run());
  }

  /**
   * A picture of the comparison to export, in the table's order: each model's name, description and
   * numbers beside its prior samples. A new node, not in the window; snapshot it at once. Null
   * while there is no model.
   */
  public Node exportNode() {
    if (table.getItems().isEmpty()) {
      return null;
    }
    VBox page = new VBox(12);
    page.setPadding(new Insets(12));
    page.setStyle("-fx-background-color: white;");
    for (CompareRow r : table.getItems()) {
      Label name = new Label(r.name());
      name.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
      Label description = new Label(r.description());
      description.setWrapText(true);
      description.setMaxWidth(320);
      GridPane numbers = new GridPane();
      numbers.setHgap(8);
      int row = 0;
      for (CompareRow.Entry e : r.numbers()) {
        Label value = new Label(e.value());
        value.setStyle("-fx-font-weight: bold;");
        numbers.addRow(row++, new Label(e.label()), value);
      }
      VBox info = new VBox(4, name, description, numbers);
      info.setPrefWidth(320);
      CompareRow.Picture samples = r.pictures().get(2);
      page.getChildren().add(new HBox(16, info, picture(samples.title(), samples.image(), 0)));
    }
    // Outside a scene a label has no skin and draws nothing.
    new Scene(page);
    page.applyCss();
    page.layout();
    return page;
  }

  private static Label hint(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("hint");
    return l;
  }

  /** A titled picture, fitted into {@code size} x {@code size} (0: its own size). */
  private static VBox picture(String title, Image image, double size) {
    ImageView v = new ImageView(image);
    v.setPreserveRatio(true);
    if (size > 0) {
      v.setFitWidth(size);
      v.setFitHeight(size);
    }
    v.setSmooth(true);
    return new VBox(2, hint(title), v);
  }
}
