package org.latentexplorer.app.holes;

import java.io.IOException;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import org.latentexplorer.app.fx.Tooltips;

/**
 * Three maps side by side on one plane and one colour scale: where the test images' codes go
 * (q(z)), where the prior puts its mass (p(z)), and the prior's mass that no code uses (the holes),
 * with the share of it in a sentence below. Confined to the JavaFX thread.
 */
public final class PriorHolesView extends VBox {
  private final PriorHolesViewModel vm;
  private final VBox pictures;

  public PriorHolesView(PriorHolesViewModel vm) {
    this.vm = vm;
    getStyleClass().add("prior-holes");
    setSpacing(6);
    Label plane = wrapped("holesPlaneText", vm.planeTextProperty());
    plane.getStyleClass().add("hint");
    Button refresh = new Button("Refresh");
    refresh.setId("refreshHolesButton");
    refresh.setOnAction(e -> vm.refresh());
    Tooltips.install(refresh, "Compute the maps again with the newest weights");
    HBox top = new HBox(8, refresh, plane);
    top.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(plane, Priority.ALWAYS);

    // Three equal columns, so that the maps are drawn at one size and compare cell by cell.
    GridPane maps = new GridPane();
    maps.setHgap(10);
    for (int i = 0; i < 3; i++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(100.0 / 3);
      maps.getColumnConstraints().add(column);
    }
    RowConstraints row = new RowConstraints();
    row.setVgrow(Priority.ALWAYS);
    maps.getRowConstraints().add(row);
    maps.addRow(
        0,
        map("holesDensityImage", "Test images' codes, q(z)", vm.densityImageProperty()),
        map("holesPriorImage", "Prior, p(z)", vm.priorImageProperty()),
        map("holesMapImage", "Holes: prior mass no code uses", vm.holesImageProperty()));
    VBox.setVgrow(maps, Priority.ALWAYS);
    Label unused = wrapped("unusedMassText", vm.unusedTextProperty());
    pictures = new VBox(6, maps, legend(), unused);
    pictures.getStyleClass().add("holes-pictures");
    VBox.setVgrow(pictures, Priority.ALWAYS);
    getChildren().addAll(top, pictures);
  }

  private static Label wrapped(String id, ObservableValue<String> text) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.textProperty().bind(text);
    return l;
  }

  /** A titled map with its axes' names and ranges. */
  private BorderPane map(String id, String title, ObservableValue<Image> source) {
    ImageView image = new ImageView();
    image.setId(id);
    image.imageProperty().bind(source);
    image.setPreserveRatio(true);
    image.setSmooth(true);
    StackPane holder = new StackPane(image);
    holder.setMinSize(60, 60);
    holder.getStyleClass().add("picture-holder");
    holder.setAlignment(Pos.TOP_CENTER);
    image.fitWidthProperty().bind(holder.widthProperty().subtract(4));
    image.fitHeightProperty().bind(holder.heightProperty().subtract(4));

    Label name = new Label(title);
    name.getStyleClass().add("hint");
    name.setWrapText(true);
    name.setMinWidth(0);
    Label across = axis(vm.axisAProperty(), vm.extentAProperty());
    Label up = axis(vm.axisBProperty(), vm.extentBProperty());
    up.setRotate(-90);
    BorderPane box = new BorderPane(holder);
    box.setTop(name);
    box.setBottom(across);
    box.setLeft(new Group(up));
    BorderPane.setAlignment(across, Pos.CENTER);
    BorderPane.setAlignment(box.getLeft(), Pos.CENTER);
    box.setMinWidth(0);
    return box;
  }

  private static Label axis(ObservableValue<String> name, ObservableValue<String> range) {
    Label l = new Label();
    l.getStyleClass().add("hint");
    l.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> name.getValue().isEmpty() ? "" : name.getValue() + ", " + range.getValue(),
                name,
                range));
    return l;
  }

  /** The colour scale shared by the maps, and the holes' colour. */
  private static HBox legend() {
    String[] stops = HeatColours.densityStops();
    Stop[] gradient = new Stop[stops.length];
    for (int i = 0; i < stops.length; i++) {
      gradient[i] = new Stop((double) i / (stops.length - 1), Color.web(stops[i]));
    }
    Rectangle scale = new Rectangle(90, 10);
    scale.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, gradient));
    Rectangle hole = new Rectangle(10, 10, Color.web(HeatColours.holeColour()));
    Label low = new Label("density: none");
    Label high = new Label("highest, one scale for all maps");
    Label holes = new Label("hole");
    for (Label l : new Label[] {low, high, holes}) {
      l.getStyleClass().add("hint");
    }
    HBox legend = new HBox(6, low, scale, high, hole, holes);
    legend.setMinWidth(0);
    legend.setId("holesLegend");
    legend.setAlignment(Pos.CENTER_LEFT);
    HBox.setMargin(hole, new javafx.geometry.Insets(0, 0, 0, 12));
    return legend;
  }

  /** The maps, their legend and the sentence, for export. */
  public VBox picturesNode() {
    return pictures;
  }

  /** The maps shown, as CSV. */
  public void writeCsv(Appendable out) throws IOException {
    vm.writeCsv(out);
  }
}
