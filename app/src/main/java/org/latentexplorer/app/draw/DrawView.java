package org.latentexplorer.app.draw;

import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.latentexplorer.app.fx.Dialogs;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The drawing pad, shown large with square pixels, beside its reconstruction; under them the score
 * and the nearest training images. Drag with the mouse to paint; drop an image file on the pad to
 * open it. Confined to the JavaFX thread.
 */
public final class DrawView extends VBox {
  /** The pad's largest side on screen, about: each image pixel becomes a square of several. */
  private static final double MAX_PAD_SIDE = 280;

  /** Room the titles above the pictures take. */
  private static final double TITLE_HEIGHT = 22;

  /** Space between the pad and the reconstruction. */
  private static final double GAP = 12;

  private final DrawViewModel vm;
  private final Canvas pad = new Canvas();
  private final ImageView reconstruction = new ImageView();
  private final HBox pictures;
  private final Pane room;
  private double scale = 1;

  public DrawView(DrawViewModel vm, Dialogs dialogs, Supplier<Window> owner) {
    this.vm = vm;
    getStyleClass().add("draw");
    setSpacing(6);

    Button open = new Button("Open image\u2026");
    open.setId("drawOpenButton");
    Tooltips.install(open, "Put a picture on the pad, in grey at the model's image size");
    open.setOnAction(e -> dialogs.openImage(owner.get()).ifPresent(vm::openImage));
    Button undo = new Button("Undo");
    undo.setId("drawUndoButton");
    undo.setOnAction(e -> vm.undo());
    undo.disableProperty().bind(vm.canUndoProperty().not());
    Button clear = new Button("Clear");
    clear.setId("drawClearButton");
    clear.setOnAction(e -> vm.clear());
    Slider brush = new Slider(DrawViewModel.MIN_BRUSH, DrawViewModel.MAX_BRUSH, 1.2);
    brush.setId("drawBrushSlider");
    brush.valueProperty().bindBidirectional(vm.brushProperty());
    brush.setPrefWidth(110);
    Tooltips.install(brush, "How wide the soft brush is");
    Label brushLabel = new Label("Brush");
    brushLabel.setLabelFor(brush);
    HBox brushBox = new HBox(6, brushLabel, brush);
    brushBox.setAlignment(Pos.CENTER_LEFT);
    FlowPane bar = new FlowPane(8, 4, open, undo, clear, brushBox);
    bar.setAlignment(Pos.CENTER_LEFT);

    pad.setId("drawPad");
    pad.addEventHandler(
        MouseEvent.MOUSE_PRESSED, e -> vm.beginStroke(e.getX() / scale, e.getY() / scale));
    pad.addEventHandler(
        MouseEvent.MOUSE_DRAGGED, e -> vm.strokeTo(e.getX() / scale, e.getY() / scale));
    Tooltips.install(pad, "Drag to draw, or drop an image file here");
    setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    setOnDragDropped(
        e -> {
          List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
          if (!files.isEmpty()) {
            vm.openImage(files.get(0).toPath());
          }
          e.setDropCompleted(!files.isEmpty());
          e.consume();
        });
    vm.padProperty().addListener((o, a, b) -> drawPad(b));

    reconstruction.setId("drawReconstruction");
    reconstruction.imageProperty().bind(vm.reconstructionProperty());
    reconstruction.setSmooth(false);
    reconstruction.setPreserveRatio(true);
    reconstruction.fitWidthProperty().bind(pad.widthProperty());
    reconstruction.fitHeightProperty().bind(pad.heightProperty());
    pictures = new HBox(GAP, titled("Your drawing", pad), titled("Reconstruction", reconstruction));
    // The pictures take the room left by the rest: the pad grows with the card.
    room = new Pane(pictures);
    room.setMinSize(0, 0);
    VBox.setVgrow(room, Priority.ALWAYS);
    room.widthProperty().addListener(o -> drawPad(vm.padProperty().get()));
    room.heightProperty().addListener(o -> drawPad(vm.padProperty().get()));

    Label score = new Label();
    score.setId("drawScoreText");
    score.textProperty().bind(vm.scoreProperty());
    score.setWrapText(true);
    Label message = new Label();
    message.setId("drawMessage");
    message.getStyleClass().add("hint");
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());

    ImageView near = new ImageView();
    near.setId("drawNeighbours");
    near.imageProperty().bind(vm.neighboursProperty());
    near.setSmooth(false);
    near.setPreserveRatio(true);
    near.setFitHeight(44);
    Label nearTitle = new Label("Nearest training images in latent space");
    nearTitle.getStyleClass().add("hint");

    getChildren().addAll(bar, message, room, score, nearTitle, near);
    drawPad(vm.padProperty().get());
  }

  private static VBox titled(String title, javafx.scene.Node content) {
    Label l = new Label(title);
    l.getStyleClass().add("hint");
    return new VBox(4, l, content);
  }

  /** The pad's pixels as squares: no smoothing, so one sees what the model sees. */
  private void drawPad(Image image) {
    if (image == null) {
      return;
    }
    double fitWidth = (room.getWidth() - GAP) / (2 * image.getWidth());
    double fitHeight = (room.getHeight() - TITLE_HEIGHT) / image.getHeight();
    double largest = MAX_PAD_SIDE / Math.max(image.getWidth(), image.getHeight());
    scale = Math.max(1, Math.floor(Math.min(largest, Math.min(fitWidth, fitHeight))));
    pad.setWidth(image.getWidth() * scale);
    pad.setHeight(image.getHeight() * scale);
    GraphicsContext g = pad.getGraphicsContext2D();
    g.setImageSmoothing(false);
    g.drawImage(image, 0, 0, pad.getWidth(), pad.getHeight());
  }

  /** The drawing beside its reconstruction, for export. */
  public HBox picturesNode() {
    return pictures;
  }
}
