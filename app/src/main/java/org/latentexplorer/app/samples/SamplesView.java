package org.latentexplorer.app.samples;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.latentexplorer.app.fx.Tooltips;

/**
 * Prior samples on the left, real / reconstruction pairs on the right, with New samples, Refresh
 * and Auto-refresh. Confined to the JavaFX thread.
 */
public final class SamplesView extends VBox {
  private final HBox pictures;

  public SamplesView(SamplesViewModel vm) {
    getStyleClass().add("samples");
    setSpacing(6);
    Button fresh = new Button("New samples");
    fresh.setId("newSamplesButton");
    fresh.setOnAction(e -> vm.newSamples());
    Tooltips.install(fresh, "Draw new z ~ N(0, I) and pick other test images");
    Button refresh = new Button("Refresh");
    refresh.setId("refreshSamplesButton");
    refresh.setOnAction(e -> vm.refresh());
    Tooltips.install(refresh, "Decode the same draws with the newest weights");
    CheckBox auto = new CheckBox("Auto-refresh while training");
    auto.setId("autoRefreshBox");
    auto.selectedProperty().bindBidirectional(vm.autoRefreshProperty());
    ChoiceBox<?> output = vm.outputChoice().choiceBox();
    output.setId("samplesOutputBox");
    Tooltips.install(
        output,
        "The decoder's mean image, or one image drawn from p(x|z): binary pixels for a"
            + " Bernoulli decoder, the mean plus its noise for a Gaussian one");
    Label show = new Label("Show");
    show.setLabelFor(output);
    // The label and its list wrap as one.
    HBox showBox = new HBox(6, show, output);
    showBox.setAlignment(Pos.CENTER_LEFT);
    javafx.scene.layout.FlowPane bar =
        new javafx.scene.layout.FlowPane(8, 4, fresh, refresh, auto, showBox);
    bar.setAlignment(Pos.CENTER_LEFT);

    ImageView samples = picture("samplesImage", vm.samplesImageProperty());
    ImageView pairs = picture("pairsImage", vm.pairsImageProperty());
    VBox left = titled("Samples from the prior p(z)", samples);
    VBox right = titled("Test images (top) and reconstructions (below)", pairs);
    HBox.setHgrow(left, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    pictures = new HBox(12, left, right);
    VBox.setVgrow(pictures, Priority.ALWAYS);
    getChildren().addAll(bar, pictures);
  }

  private static ImageView picture(String id, ObservableValue<Image> source) {
    ImageView v = new ImageView();
    v.setId(id);
    v.imageProperty().bind(source);
    v.setPreserveRatio(true);
    v.setSmooth(true);
    return v;
  }

  private static VBox titled(String title, ImageView image) {
    Label l = new Label(title);
    l.getStyleClass().add("hint");
    StackPane holder = new StackPane(image);
    holder.setMinSize(60, 60);
    holder.getStyleClass().add("picture-holder");
    holder.setAlignment(Pos.TOP_CENTER);
    image.fitWidthProperty().bind(holder.widthProperty().subtract(4));
    image.fitHeightProperty().bind(holder.heightProperty().subtract(4));
    VBox.setVgrow(holder, Priority.ALWAYS);
    holder.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
    VBox box = new VBox(4, l, holder);
    box.setMinWidth(80);
    return box;
  }

  /** The two pictures, for export. */
  public HBox picturesNode() {
    return pictures;
  }
}
