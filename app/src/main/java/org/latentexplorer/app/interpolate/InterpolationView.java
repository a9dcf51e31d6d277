package org.latentexplorer.app.interpolate;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The interpolation tab: the two end images with buttons to pick them, the path and its steps, the
 * strip of decodings, and a handle whose decoding is shown large. Confined to the JavaFX thread.
 */
public final class InterpolationView extends VBox {
  private static final double END_SIZE = 56;
  private static final double HANDLE_SIZE = 112;
  private final VBox pictures;

  public InterpolationView(InterpolationViewModel vm) {
    getStyleClass().add("interpolation");
    setSpacing(6);
    Button pickA =
        button(
            "useSelectionA",
            "A \u2190 selected point",
            "The test image selected in the scatter becomes A");
    pickA.setOnAction(e -> vm.useSelection(InterpolationViewModel.End.A));
    Button pickB =
        button(
            "useSelectionB",
            "B \u2190 selected point",
            "The test image selected in the scatter becomes B");
    pickB.setOnAction(e -> vm.useSelection(InterpolationViewModel.End.B));
    for (Button b : new Button[] {pickA, pickB}) {
      b.disableProperty().bind(vm.canUseSelectionProperty().not());
    }
    Button drawn =
        button("useDrawingA", "A \u2190 drawing", "Your drawing on the Draw tab becomes A");
    drawn.setOnAction(e -> vm.useDrawing(InterpolationViewModel.End.A));
    Button random = button("randomPairButton", "Random pair", "Two test images at random");
    random.setOnAction(e -> vm.randomPair());
    Button swap = button("swapButton", "Swap", "Walk the path the other way");
    swap.setOnAction(e -> vm.swap());
    ChoiceBox<?> path = vm.pathChoice().choiceBox();
    path.setId("pathBox");
    Tooltips.install(
        path,
        "A straight line between the codes, or the great circle between their directions"
            + " (slerp), which stays where a Gaussian prior puts its mass");
    Slider steps =
        new Slider(InterpolationViewModel.MIN_STEPS, InterpolationViewModel.MAX_STEPS, 10);
    steps.setId("stepsSlider");
    steps.setMajorTickUnit(1);
    steps.setMinorTickCount(0);
    steps.setSnapToTicks(true);
    steps.setPrefWidth(110);
    steps.valueProperty().bindBidirectional(vm.stepsProperty());
    Label stepsLabel = new Label();
    stepsLabel.textProperty().bind(vm.stepsProperty().asString("%d steps"));
    FlowPane bar =
        new FlowPane(8, 4, pickA, pickB, drawn, random, swap, path, new HBox(4, steps, stepsLabel));
    bar.setAlignment(Pos.CENTER_LEFT);

    Label text = new Label();
    text.setId("interpolationText");
    text.getStyleClass().add("hint");
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.textProperty().bind(vm.textProperty());

    ImageView strip = picture("stripImage", vm.stripImageProperty());
    strip.setPreserveRatio(true);
    strip.fitWidthProperty().bind(widthProperty().subtract(2 * END_SIZE + 24));
    HBox stripRow =
        new HBox(
            6,
            fixed("imageA", vm.imageAProperty(), END_SIZE),
            strip,
            fixed("imageB", vm.imageBProperty(), END_SIZE));
    stripRow.setAlignment(Pos.CENTER_LEFT);

    Slider handle = new Slider(0, 1, 0.5);
    handle.setId("handleSlider");
    handle.valueProperty().bindBidirectional(vm.positionProperty());
    Tooltips.install(handle, "Slide along the path from A to B");
    handle.setPrefWidth(240);
    Label handleLabel = new Label("Along the path: A to B");
    handleLabel.getStyleClass().add("hint");
    VBox handleBox = new VBox(4, handleLabel, handle);
    HBox handleRow =
        new HBox(12, handleBox, fixed("handleImage", vm.handleImageProperty(), HANDLE_SIZE));
    handleRow.setAlignment(Pos.CENTER_LEFT);
    pictures = new VBox(8, stripRow, handleRow);
    getChildren().addAll(bar, text, pictures);
  }

  /** The strip and the handle's decoding, for export. */
  public Node picturesNode() {
    return pictures;
  }

  private static Button button(String id, String text, String tip) {
    Button b = new Button(text);
    b.setId(id);
    Tooltips.install(b, tip);
    return b;
  }

  private static ImageView picture(String id, ObservableValue<Image> source) {
    ImageView v = new ImageView();
    v.setId(id);
    v.imageProperty().bind(source);
    // Decodings are a few dozen pixels wide: blocky pixels show them as they are.
    v.setSmooth(false);
    return v;
  }

  private static ImageView fixed(String id, ObservableValue<Image> source, double size) {
    ImageView v = picture(id, source);
    v.setFitWidth(size);
    v.setFitHeight(size);
    v.setPreserveRatio(true);
    return v;
  }
}
