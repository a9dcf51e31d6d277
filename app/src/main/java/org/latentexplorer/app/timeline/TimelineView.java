package org.latentexplorer.app.timeline;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The timeline bar under the Explore views: play, the slider over the checkpoints, back to now, and
 * continue from the checkpoint shown. Confined to the JavaFX thread.
 */
public final class TimelineView extends HBox {
  private final Slider slider = new Slider(0, 0, 0);

  public TimelineView(TimelineViewModel vm) {
    getStyleClass().add("timeline-bar");
    setSpacing(8);
    setAlignment(Pos.CENTER_LEFT);
    Button play = new Button();
    play.setId("timelinePlay");
    play.textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(vm.playingProperty())
                .then("\u23f8 Pause")
                .otherwise("\u25b6 Replay"));
    play.setOnAction(
        e -> {
          if (vm.playingProperty().get()) {
            vm.stop();
          } else {
            vm.play();
          }
        });
    Tooltips.install(play, "Replay the run from its first checkpoint to now");

    slider.setId("timelineSlider");
    slider.maxProperty().bind(vm.lastProperty());
    slider.setBlockIncrement(1);
    slider.setValue(vm.positionProperty().get());
    slider
        .valueProperty()
        .addListener((o, a, b) -> vm.positionProperty().set((int) Math.round(b.doubleValue())));
    vm.positionProperty()
        .addListener(
            (o, a, b) -> {
              if ((int) Math.round(slider.getValue()) != b.intValue()) {
                slider.setValue(b.intValue());
              }
            });
    vm.lastProperty().addListener((o, a, b) -> slider.setValue(vm.positionProperty().get()));
    Tooltips.install(
        slider,
        "Drag to see the manifold, the scatter and the samples as they were at a checkpoint;"
            + " training goes on meanwhile");
    HBox.setHgrow(slider, Priority.ALWAYS);

    Button now = new Button("Now");
    now.setId("timelineNow");
    now.disableProperty().bind(vm.liveProperty());
    now.setOnAction(e -> vm.showLive());
    Tooltips.install(now, "Show the newest weights again");

    Button fork = new Button("Continue from here");
    fork.setId("timelineContinue");
    fork.disableProperty().bind(vm.canContinueProperty().not());
    fork.setOnAction(e -> vm.continueFromHere());
    Tooltips.install(
        fork,
        "Train on from the checkpoint shown, with a fresh optimiser; the run as it is now"
            + " is autosaved first");

    Label text = new Label();
    text.setId("timelineText");
    text.getStyleClass().add("hint");
    text.textProperty().bind(vm.textProperty());
    text.setMinWidth(120);
    text.setPrefWidth(430);

    Label title = new Label("Timeline");
    title.getStyleClass().add("card-title");
    disableProperty().bind(vm.availableProperty().not());
    // The buttons keep their words when the window is narrow; the slider and the text give way.
    for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {title, play, now, fork}) {
      r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    getChildren().addAll(title, play, slider, now, fork, text);
  }
}
