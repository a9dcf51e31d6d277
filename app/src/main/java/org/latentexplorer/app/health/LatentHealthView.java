package org.latentexplorer.app.health;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The latent health panel: a warning when dimensions die, the active units, and one bar per latent
 * dimension, longest (most KL) first. Confined to the JavaFX thread.
 */
public final class LatentHealthView extends VBox {
  /** Longest bar, in pixels. */
  private static final double BAR_WIDTH = 260;

  private final VBox rows = new VBox(2);

  public LatentHealthView(LatentHealthViewModel vm) {
    getStyleClass().add("latent-health");
    setSpacing(6);
    Label warning = wrapped("healthWarning", vm.warningProperty());
    warning.getStyleClass().add("health-warning");
    warning.managedProperty().bind(warning.textProperty().isNotEmpty());
    warning.visibleProperty().bind(warning.managedProperty());
    vm.collapsedProperty()
        .addListener(
            (o, a, b) -> {
              if (b) {
                warning.getStyleClass().add("collapsed");
              } else {
                warning.getStyleClass().remove("collapsed");
              }
            });
    Label active = wrapped("activeUnitsText", vm.activeUnitsProperty());
    Label title = new Label("KL(q(z|x) \u2016 p(z)) of each latent dimension, nats per image");
    title.getStyleClass().add("hint");
    Label summary = wrapped("healthSummary", vm.summaryProperty());
    summary.getStyleClass().add("hint");

    rows.setId("klBars");
    ScrollPane scroll = new ScrollPane(rows);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    vm.barsProperty().addListener((o, a, b) -> fill(b));
    fill(vm.barsProperty().get());
    getChildren().addAll(warning, active, title, scroll, summary);
  }

  private static Label wrapped(String id, javafx.beans.value.ObservableValue<String> text) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.textProperty().bind(text);
    return l;
  }

  private void fill(List<LatentHealthViewModel.Bar> bars) {
    rows.getChildren().clear();
    for (LatentHealthViewModel.Bar b : bars) {
      Label name = new Label(b.label());
      name.setMinWidth(34);
      Region bar = new Region();
      bar.getStyleClass().add(b.unused() ? "kl-bar-unused" : "kl-bar");
      bar.setPrefSize(Math.max(1, b.fraction() * BAR_WIDTH), 12);
      bar.setMaxHeight(12);
      StackPane track = new StackPane(bar);
      StackPane.setAlignment(bar, Pos.CENTER_LEFT);
      track.setPrefWidth(BAR_WIDTH);
      track.setMinWidth(BAR_WIDTH);
      Label value = new Label(b.value());
      value.getStyleClass().add("hint");
      HBox row = new HBox(6, name, track, value);
      row.setAlignment(Pos.CENTER_LEFT);
      row.getStyleClass().add("kl-row");
      rows.getChildren().add(row);
    }
  }
}
