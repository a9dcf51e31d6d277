package org.latentexplorer.app.training;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: run state, step, epoch, samples per second, learning rate, the trainer's last
 * message, the last notice, and the numerical backend. Confined to the JavaFX thread.
 */
public final class StatusBarView extends HBox {
  public StatusBarView(TrainingViewModel vm) {
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(10);
    Label state = label("statusState", vm.stateTextProperty());
    state.getStyleClass().add("status-strong");
    Label step = label("statusStep", vm.stepTextProperty());
    Label epoch = label("statusEpoch", vm.epochTextProperty());
    Label speed = label("statusSpeed", vm.speedTextProperty());
    Label rate = label("statusRate", vm.rateTextProperty());
    Label message = label("statusMessage", vm.messageProperty());
    message.getStyleClass().add("status-warning");
    Label notice = label("statusNotice", vm.noticeProperty());
    notice.getStyleClass().add("status-notice");
    // Long messages shrink to an ellipsis; the whole text is in the tooltip.
    for (Label l : new Label[] {message, notice}) {
      l.setMinWidth(40);
      javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
      tip.textProperty().bind(l.textProperty());
      tip.setWrapText(true);
      tip.setMaxWidth(520);
      l.setTooltip(tip);
    }
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    Label backend = new Label();
    backend.setId("statusBackend");
    backend.textProperty().bind(vm.backendTextProperty());
    getChildren()
        .addAll(
            state,
            new Separator(javafx.geometry.Orientation.VERTICAL),
            step,
            epoch,
            speed,
            rate,
            message,
            notice,
            spring,
            backend);
  }

  private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
    Label l = new Label();
    l.setId(id);
    l.textProperty().bind(text);
    l.managedProperty().bind(l.textProperty().isNotEmpty());
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }
}
