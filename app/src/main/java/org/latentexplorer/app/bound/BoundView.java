package org.latentexplorer.app.bound;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The bound's tightness: a button, its progress and cancel, and the chart of the estimate against L
 * on a log axis with one standard error either side, beside the ELBO on the same images. Confined
 * to the JavaFX thread.
 */
public final class BoundView extends VBox {
  private static final String ESTIMATE = "-fx-stroke: #7b2cbf; -fx-stroke-width: 2px;";
  private static final String ERROR_BAR = "-fx-stroke: #7b2cbf; -fx-stroke-width: 1.5px;";
  private static final String ELBO =
      "-fx-stroke: #3563e9; -fx-stroke-width: 1.5px; -fx-stroke-dash-array: 6 4;";
  private static final String MARKER = "-fx-fill: #7b2cbf; -fx-stroke: white;";

  private final LineChart<Number, Number> chart;
  private final BoundViewModel vm;

  public BoundView(BoundViewModel vm) {
    this.vm = vm;
    getStyleClass().add("bound");
    setSpacing(6);
    Button start = new Button("Estimate against L");
    start.setId("boundStartButton");
    start.disableProperty().bind(vm.canStartProperty().not());
    start.setOnAction(e -> vm.start());
    Tooltips.install(
        start,
        "The importance-sampled log p(x) with L = 1 to 5,000 samples on "
            + BoundViewModel.IMAGES
            + " test images, the same draws nested (VAE only)");
    Button cancel = new Button("Cancel");
    cancel.setId("boundCancelButton");
    cancel.disableProperty().bind(vm.runningProperty().not());
    cancel.setOnAction(e -> vm.cancel());
    ProgressBar progress = new ProgressBar();
    progress.setId("boundProgress");
    progress.progressProperty().bind(vm.progressProperty());
    progress.visibleProperty().bind(vm.runningProperty());
    progress.setPrefWidth(160);
    HBox bar = new HBox(8, start, cancel, progress);
    bar.setAlignment(Pos.CENTER_LEFT);

    NumberAxis x = new NumberAxis(0, 4, 1);
    x.setLabel("importance samples L (log scale)");
    x.setTickLabelFormatter(
        new StringConverter<>() {
          @Override
          public String toString(Number n) {
            // Only the decades are labelled; the axis's padded ends are not.
            double v = n.doubleValue();
            return Math.abs(v - Math.rint(v)) > 1e-6
                ? ""
                : String.format(Locale.ROOT, "%,d", Math.round(Math.pow(10, v)));
          }

          @Override
          public Number fromString(String s) {
            return Math.log10(Double.parseDouble(s.replace(",", "")));
          }
        });
    x.setAutoRanging(false);
    x.setUpperBound(Math.log10(5000) + 0.1);
    x.setLowerBound(-0.1);
    NumberAxis y = new NumberAxis();
    y.setLabel("log p(x), nats per image");
    y.setForceZeroInRange(false);
    chart = new LineChart<>(x, y);
    chart.setId("boundChart");
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCreateSymbols(true);
    chart.setTitle("log p(x) estimated with L samples, \u00b1 one standard error");
    chart.getStyleClass().add("curve-chart");
    VBox.setVgrow(chart, Priority.ALWAYS);
    chart.setMinHeight(160);
    vm.pointsProperty().addListener((o, a, b) -> show(b));

    Label key =
        new Label(
            "Purple: the estimate with one standard error across the images either side."
                + " Dashed blue: the ELBO on the same images.");
    key.getStyleClass().add("hint");
    key.setWrapText(true);
    key.setMinHeight(Region.USE_PREF_SIZE);
    Label text = new Label();
    text.setId("boundText");
    text.getStyleClass().add("hint");
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.textProperty().bind(vm.textProperty());
    getChildren().addAll(bar, chart, key, text);
  }

  /** The curve as CSV, for the export menu. */
  public void writeCsv(Appendable out) throws java.io.IOException {
    vm.writeCsv(out);
  }

  private void show(List<BoundViewModel.Point> points) {
    chart.getData().clear();
    if (points.isEmpty()) {
      return;
    }
    XYChart.Series<Number, Number> estimate = new XYChart.Series<>();
    estimate.setName("log p(x) estimate");
    for (BoundViewModel.Point p : points) {
      XYChart.Data<Number, Number> d = new XYChart.Data<>(p.log10Samples(), p.estimate());
      Circle dot = new Circle(3.5);
      dot.setStyle(MARKER);
      Tooltips.install(
          dot,
          String.format(
              Locale.ROOT,
              "L = %,d: %.2f \u00b1 %.2f nats",
              p.samples(),
              p.estimate(),
              p.standardError()));
      d.setNode(dot);
      estimate.getData().add(d);
    }
    XYChart.Series<Number, Number> elbo = new XYChart.Series<>();
    elbo.setName("ELBO on the same images");
    double e = points.get(0).elbo();
    elbo.getData().add(new XYChart.Data<>(points.get(0).log10Samples(), e));
    elbo.getData().add(new XYChart.Data<>(points.get(points.size() - 1).log10Samples(), e));
    chart.getData().add(estimate);
    chart.getData().add(elbo);
    for (XYChart.Data<Number, Number> d : elbo.getData()) {
      d.setNode(new Region());
    }
    for (BoundViewModel.Point p : points) {
      XYChart.Series<Number, Number> bar = new XYChart.Series<>();
      bar.getData().add(new XYChart.Data<>(p.log10Samples(), p.estimate() - p.standardError()));
      bar.getData().add(new XYChart.Data<>(p.log10Samples(), p.estimate() + p.standardError()));
      chart.getData().add(bar);
      for (XYChart.Data<Number, Number> d : bar.getData()) {
        d.setNode(new Region());
      }
      bar.getNode().setStyle(ERROR_BAR);
    }
    // Set on the nodes: the chart's own colour per series would win over a style sheet's.
    estimate.getNode().setStyle(ESTIMATE);
    elbo.getNode().setStyle(ELBO);
  }
}
