package org.latentexplorer.app.training;

import static org.latentexplorer.app.fx.MenuItems.item;
import static org.latentexplorer.app.fx.MenuItems.shortcut;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The training controls, confined to the JavaFX thread: a large Train / Pause / Resume button,
 * Step, Stop and Reset, and the epoch progress bar; and the same commands as menu items with their
 * shortcuts, for the window's Training menu.
 */
public final class TrainingView extends VBox {
  private final List<MenuItem> menuItems;

  public TrainingView(TrainingViewModel vm) {
    getStyleClass().add("training");
    setSpacing(8);

    Button primary = new Button();
    primary.setId("trainButton");
    primary.getStyleClass().addAll("accent", "primary-action");
    primary.textProperty().bind(vm.primaryTextProperty());
    primary.disableProperty().bind(vm.canPrimaryProperty().not());
    primary.setOnAction(e -> vm.primary());
    primary.setMaxWidth(Double.MAX_VALUE);
    Tooltips.install(primary, "Train, pause or resume (Ctrl+T)");

    Button step = button("Step", "stepButton", "Train one minibatch, then pause (Ctrl+Right)");
    step.disableProperty().bind(vm.canStepProperty().not());
    step.setOnAction(e -> vm.step());
    Button stop =
        button("Stop", "stopButton", "Stop training; Train goes on from here" + " (Ctrl+Period)");
    stop.disableProperty().bind(vm.canStopProperty().not());
    stop.setOnAction(e -> vm.stop());
    Button reset =
        button(
            "Reset",
            "resetButton",
            "Throw away the weights and start again from the seed: the same start (Ctrl+R)");
    reset.disableProperty().bind(vm.canResetProperty().not());
    reset.setOnAction(e -> vm.reset());
    HBox small = new HBox(6, step, stop, reset);
    for (Button b : new Button[] {step, stop, reset}) {
      HBox.setHgrow(b, Priority.ALWAYS);
      b.setMaxWidth(Double.MAX_VALUE);
    }

    ProgressBar bar = new ProgressBar();
    bar.setId("epochProgress");
    bar.progressProperty().bind(vm.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    Label barText = new Label();
    barText.setId("epochText");
    barText.getStyleClass().add("hint");
    barText.textProperty().bind(vm.progressTextProperty());
    Label state = new Label();
    state.setId("stateLabel");
    state.getStyleClass().add("state-badge");
    state.textProperty().bind(vm.stateTextProperty());
    state.visibleProperty().bind(state.textProperty().isNotEmpty());
    vm.stateStyleProperty()
        .addListener(
            (o, a, b) -> {
              state
                  .getStyleClass()
                  .removeIf(c -> c.startsWith("state-") && !c.equals("state-badge"));
              if (!b.isEmpty()) {
                state.getStyleClass().add(b);
              }
            });
    HBox barRow = new HBox(8, barText, state);
    barRow.setAlignment(Pos.CENTER_LEFT);

    getChildren().addAll(primary, small, bar, barRow);
    menuItems = menuItems(vm);
  }

  private static List<MenuItem> menuItems(TrainingViewModel vm) {
    MenuItem primary = item("Train / Pause", shortcut(KeyCode.T), vm::primary);
    primary.setId("trainItem");
    primary.textProperty().bind(vm.primaryTextProperty());
    primary.disableProperty().bind(vm.canPrimaryProperty().not());
    MenuItem step = item("Step", shortcut(KeyCode.RIGHT), vm::step);
    step.disableProperty().bind(vm.canStepProperty().not());
    MenuItem stop = item("Stop", shortcut(KeyCode.PERIOD), vm::stop);
    stop.disableProperty().bind(vm.canStopProperty().not());
    MenuItem reset = item("Reset", shortcut(KeyCode.R), vm::reset);
    reset.disableProperty().bind(vm.canResetProperty().not());
    return List.of(primary, step, stop, reset);
  }

  /** Train / Pause, Step, Stop and Reset, with their shortcuts. */
  public List<MenuItem> menuItems() {
    return menuItems;
  }

  private static Button button(String text, String id, String tip) {
    Button b = new Button(text);
    b.setId(id);
    Tooltips.install(b, tip);
    return b;
  }
}
