package org.latentexplorer.app.compare;

import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentexplorer.app.fx.Dialogs;

/**
 * Models side by side, one column each: name, numbers, scatter, manifold, samples and
 * reconstructions. Confined to the JavaFX thread.
 */
public final class CompareView extends VBox {
  private final CompareViewModel vm;
  private final VBox rows = new VBox(10);

  public CompareView(CompareViewModel vm, Dialogs dialogs, Supplier<Window> owner) {
    this.vm = vm;
    getStyleClass().add("compare");
    setSpacing(8);
    Button current = new Button("Add current run");
    current.setId("compareCurrentButton");
    current.getStyleClass().add("accent");
    current.setOnAction(e -> vm.addCurrentRun());
    current.setTooltip(new Tooltip("Evaluate the model being trained, as it is now"));
    Button file = new Button("Add model file\u2026");
    file.setId("compareFileButton");
    file.setOnAction(e -> dialogs.openModel(owner.get()).ifPresent(vm::addFile));
    Button clear = new Button("Clear");
    clear.setOnAction(e -> vm.clear());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(vm.workingProperty());
    spinner.managedProperty().bind(vm.workingProperty());
    Label status = new Label();
    status.setId("compareStatus");
    status.getStyleClass().add("hint");
    status.textProperty().bind(vm.statusProperty());
    HBox bar = new HBox(8, current, file, clear, spinner, status);
    bar.setAlignment(Pos.CENTER_LEFT);

    rows.setId("compareRows");
    rows.setAlignment(Pos.TOP_LEFT);
    ScrollPane scroll = new ScrollPane(rows);
    scroll.getStyleClass().add("compare-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    vm.rows().addListener((ListChangeListener<CompareRow>) c -> rebuild());
    getChildren().addAll(bar, scroll);
  }

  private void rebuild() {
    rows.getChildren().clear();
    for (CompareRow r : vm.rows()) {
      rows.getChildren().add(row(r));
    }
  }

  /** One model: its name and numbers, then its four pictures side by side. */
  private HBox row(CompareRow compared) {
    Label name = new Label(compared.name());
    name.getStyleClass().add("compare-title");
    name.setWrapText(true);
    Label description = new Label(compared.description());
    description.getStyleClass().add("hint");
    description.setWrapText(true);
    GridPane numbers = new GridPane();
    numbers.setHgap(8);
    numbers.setVgap(2);
    int r = 0;
    for (CompareRow.Entry e : compared.numbers()) {
      numbers.addRow(r++, hint(e.label()), value(e.value()));
    }
    Button remove = new Button("Remove");
    remove.setOnAction(e -> vm.remove(compared));
    VBox info = new VBox(6, name, description, numbers, remove);
    info.setPrefWidth(250);
    info.setMinWidth(220);
    HBox row = new HBox(14, info);
    for (CompareRow.Picture p : compared.pictures()) {
      row.getChildren().add(picture(p.title(), p.image()));
    }
    row.getStyleClass().add("compare-row");
    return row;
  }

  private static Label hint(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("hint");
    return l;
  }

  private static Label value(String s) {
    Label l = new Label(s);
    l.getStyleClass().add("compare-value");
    return l;
  }

  private static VBox picture(String title, Image image) {
    ImageView v = new ImageView(image);
    v.setPreserveRatio(true);
    v.setFitWidth(ModelEvaluation.PICTURE);
    v.setFitHeight(ModelEvaluation.PICTURE);
    v.setSmooth(true);
    return new VBox(2, hint(title), v);
  }
}
