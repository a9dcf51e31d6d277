package org.latentexplorer.app.window;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the window shows while its content is being built: the application's name in the box that
 * the loading overlay shows next, over the window's background. A handful of nodes, so that it is
 * drawn within a moment of the launch. Confined to the JavaFX thread.
 */
public final class StartupView extends StackPane {
  private static final double ICON_SIZE = 64;

  private final Node marker;

  /** {@code icon} may be null (a build without the picture). */
  public StartupView(Image icon) {
    VBox box = new VBox(8);
    box.getStyleClass().add("overlay-box");
    box.setAlignment(Pos.CENTER);
    box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    if (icon != null) {
      ImageView picture = new ImageView(icon);
      picture.setFitWidth(ICON_SIZE);
      picture.setFitHeight(ICON_SIZE);
      picture.setSmooth(true);
      box.getChildren().add(picture);
    }
    Label name = new Label(MainViewModel.TITLE);
    name.getStyleClass().add("card-title");
    Label doing = new Label("Starting\u2026");
    doing.getStyleClass().add("overlay-text");
    box.getChildren().addAll(name, doing);
    getChildren().add(box);
    this.marker = name;
  }

  /**
   * Runs {@code then} on the JavaFX thread once this view's first frame is on the screen: long work
   * started earlier would hold the JavaFX thread, and with it the frame. Call while the view shows.
   * (A small part of the view is drawn into an image after the frame that shows it, by the same
   * renderer thread; {@code then} follows that.)
   */
  public void whenDrawn(Runnable then) {
    Scene scene = getScene();
    scene.addPostLayoutPulseListener(
        new Runnable() {
          @Override
          public void run() {
            scene.removePostLayoutPulseListener(this);
            Platform.runLater(
                () ->
                    marker.snapshot(
                        drawn -> {
                          // One more turn of the event loop lets the window system show the frame.
                          Platform.runLater(then);
                          return null;
                        },
                        null,
                        null));
          }
        });
  }
}
