package org.latentexplorer.app.compare;

import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentexplorer.app.fx.Dialogs;
import org.latentexplorer.app.render.Frame;
import org.latentexplorer.app.render.FrameImage;

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
    vm.models().addListener((ListChangeListener<ComparedModel>) c -> rebuild());
    getChildren().addAll(bar, scroll);
  }

  private void rebuild() {
    rows.getChildren().clear();
    for (ComparedModel m : vm.models()) {
      rows.getChildren().add(row(m));
    }
  }

  /** One model: its name and numbers, then its four pictures side by side. */
  private HBox row(ComparedModel m) {
    Label name = new Label(m.name());
    name.getStyleClass().add("compare-title");
    name.setWrapText(true);
    Label description = new Label(m.description());
    description.getStyleClass().add("hint");
    description.setWrapText(true);
    GridPane numbers = new GridPane();
    numbers.setHgap(8);
    numbers.setVgap(2);
    int r = 0;
    numbers.addRow(r++, hint("steps"), value(String.format("%,d", m.steps())));
    numbers.addRow(r++, hint("test squared error"), value(number(m.squaredError())));
    numbers.addRow(r++, hint("test ELBO"), value(number(m.elbo())));
    numbers.addRow(r++, hint("log p(x), IS (L=" + ModelEvaluation.IS_SAMPLES + ")"),
        value(number(m.logLikelihood())));
    numbers.addRow(r, hint("active units"), value(m.activeUnits() + " of " + m.latentDim()));
    Button remove = new Button("Remove");
    remove.setOnAction(e -> vm.remove(m));
    VBox info = new VBox(6, name, description, numbers, remove);
    info.setPrefWidth(250);
    info.setMinWidth(220);
    HBox row = new HBox(14, info,
        picture(m.latentDim() > 2 ? "Scatter (PCA plane)" : "Scatter", m.scatter()),
        picture(m.latentDim() > 2 ? "Manifold (PCA plane)" : "Manifold over [-3, 3]\u00b2",
            m.manifold()),
        picture("Samples from the prior", m.samples()),
        picture("Test images over reconstructions", m.pairs()));
    row.getStyleClass().add("compare-row");
    return row;
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "\u2014" : String.format(Locale.ROOT, "%.2f", v);
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

  private static VBox picture(String title, Frame frame) {
    ImageView v = new ImageView(FrameImage.imageOf(frame));
    v.setPreserveRatio(true);
    v.setFitWidth(ModelEvaluation.PICTURE);
    v.setFitHeight(ModelEvaluation.PICTURE);
    v.setSmooth(true);
    return new VBox(2, hint(title), v);
  }
}
