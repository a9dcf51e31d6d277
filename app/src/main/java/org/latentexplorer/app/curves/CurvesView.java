package org.latentexplorer.app.curves;

import static org.latentexplorer.app.fx.MenuItems.item;
import static org.latentexplorer.app.fx.MenuItems.shortcut;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The learning curves, confined to the JavaFX thread: two line charts (the objective above, the
 * regulariser below) sharing the x axis of samples seen, a legend whose entries switch curves on
 * and off, the log-scale switch and the log-likelihood estimate (both also as menu items, for the
 * window's menus). Symbols and animation are off: with them a chart of many points takes seconds to
 * lay out.
 */
public final class CurvesView extends VBox {
  private final CurvesViewModel vm;
  private final LineChart<Number, Number> mainChart;
  private final LineChart<Number, Number> auxChart;

  /** Each curve's series by its key, kept across updates so that it keeps its style. */
  private final Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();

  private final FlowPane legend = new FlowPane(10, 4);
  private List<LegendEntry> legendShown = List.of();
  private final MenuItem estimateItem;
  private final CheckMenuItem logScaleItem = new CheckMenuItem("Log scale for samples seen");

  public CurvesView(CurvesViewModel vm) {
    this.vm = vm;
    getStyleClass().add("curves");
    setSpacing(4);
    mainChart = chart("mainChart", vm.mainTitleProperty(), vm.cursorProperty());
    auxChart = chart("auxChart", vm.auxTitleProperty(), vm.cursorProperty());
    VBox.setVgrow(mainChart, Priority.ALWAYS);
    VBox.setVgrow(auxChart, Priority.ALWAYS);
    auxChart.prefHeightProperty().bind(mainChart.heightProperty().multiply(0.55));
    mainChart
        .widthProperty()
        .addListener((o, a, b) -> vm.plotWidthProperty().set(Math.max(100, b.intValue() - 60)));

    vm.mainLinesProperty().addListener((o, a, b) -> show(mainChart, b));
    vm.auxLinesProperty().addListener((o, a, b) -> show(auxChart, b));
    vm.logScaleProperty().addListener((o, a, b) -> configureAxes());
    vm.xLowProperty().addListener((o, a, b) -> configureAxes());
    vm.xHighProperty().addListener((o, a, b) -> configureAxes());
    vm.xTickProperty().addListener((o, a, b) -> configureAxes());
    configureAxes();

    CheckBox log = new CheckBox("Log scale");
    log.setId("logScaleBox");
    log.selectedProperty().bindBidirectional(vm.logScaleProperty());
    Tooltips.install(
        log, "Samples seen on a logarithmic axis, as in the AEVB paper's" + " figures");
    ChoiceBox<CurveUnits> units =
        new ChoiceBox<>(FXCollections.observableArrayList(CurveUnits.values()));
    units.setId("unitsBox");
    units.valueProperty().bindBidirectional(vm.unitsProperty());
    units.visibleProperty().bind(vm.unitsChoosableProperty());
    units.managedProperty().bind(vm.unitsChoosableProperty());
    Tooltips.install(
        units,
        "A Gaussian decoder on 8-bit pixels is scored on dequantised pixels: the curves show"
            + " the bound on the probability of the discrete image, per image in nats or"
            + " per pixel in bits");
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    Label l = new Label("L");
    TextField samples = new TextField();
    samples.setId("estimateSamplesField");
    samples.setPrefColumnCount(4);
    samples.textProperty().bindBidirectional(vm.estimateSamplesProperty());
    Tooltips.install(samples, "Importance samples per image (1 to 5000)");
    Button estimate = new Button("Estimate log p(x)");
    estimate.setId("estimateButton");
    estimate.disableProperty().bind(vm.canEstimateProperty().not());
    estimate.setOnAction(e -> vm.estimate());
    Tooltips.install(
        estimate,
        "Importance-sampled marginal log-likelihood on "
            + CurvesViewModel.ESTIMATE_IMAGES
            + " test images (VAE only); training waits while it"
            + " runs");
    HBox controls = new HBox(8, log, units, spring, l, samples, estimate);
    controls.setAlignment(Pos.CENTER_LEFT);
    Label result = new Label();
    result.setId("estimateText");
    result.getStyleClass().add("hint");
    result.textProperty().bind(vm.estimateTextProperty());
    result.managedProperty().bind(result.textProperty().isNotEmpty());
    result.visibleProperty().bind(result.textProperty().isNotEmpty());
    legend.getStyleClass().add("curve-legend");
    getChildren().addAll(controls, legend, mainChart, auxChart, result);

    estimateItem = item("Estimate log p(x)", shortcut(KeyCode.L), vm::estimate);
    estimateItem.disableProperty().bind(vm.canEstimateProperty().not());
    logScaleItem.selectedProperty().bindBidirectional(vm.logScaleProperty());
  }

  /** Estimate log p(x), with its shortcut. */
  public MenuItem estimateMenuItem() {
    return estimateItem;
  }

  /** The log-scale switch. */
  public CheckMenuItem logScaleMenuItem() {
    return logScaleItem;
  }

  private static LineChart<Number, Number> chart(
      String id, javafx.beans.value.ObservableValue<String> title, ObservableDoubleValue cursor) {
    NumberAxis x = new NumberAxis();
    NumberAxis y = new NumberAxis();
    x.setAnimated(false);
    y.setAnimated(false);
    y.setForceZeroInRange(false);
    x.setForceZeroInRange(false);
    CursorChart c = new CursorChart(x, y, cursor);
    c.setId(id);
    c.setCreateSymbols(false);
    c.setAnimated(false);
    c.setLegendVisible(false);
    c.titleProperty().bind(title);
    c.setMinHeight(120);
    c.getStyleClass().add("curve-chart");
    return c;
  }

  private void configureAxes() {
    boolean log = vm.logScaleProperty().get();
    for (LineChart<Number, Number> c : List.of(mainChart, auxChart)) {
      NumberAxis x = (NumberAxis) c.getXAxis();
      x.setLabel(vm.xLabelProperty().get());
      x.setTickLabelFormatter(
          new StringConverter<>() {
            @Override
            public String toString(Number n) {
              return vm.xTickLabel(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
              return 0;
            }
          });
      double lo = vm.xLowProperty().get();
      double hi = vm.xHighProperty().get();
      double tick = vm.xTickProperty().get();
      if (Double.isFinite(lo) && Double.isFinite(hi) && Double.isFinite(tick)) {
        x.setAutoRanging(false);
        x.setLowerBound(lo);
        x.setUpperBound(hi);
        x.setTickUnit(tick);
        x.setMinorTickVisible(!log);
      } else {
        x.setAutoRanging(true);
        x.setMinorTickVisible(true);
      }
    }
  }

  private void show(LineChart<Number, Number> chart, List<CurveLine> lines) {
    List<XYChart.Series<Number, Number>> wanted = new ArrayList<>();
    for (CurveLine line : lines) {
      XYChart.Series<Number, Number> s =
          series.computeIfAbsent(
              line.key(),
              k -> {
                XYChart.Series<Number, Number> n = new XYChart.Series<>();
                n.setName(line.name());
                return n;
              });
      List<XYChart.Data<Number, Number>> data = new ArrayList<>(line.points().size());
      double[] xs = line.points().xs();
      double[] ys = line.points().ys();
      for (int i = 0; i < xs.length; i++) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(xs[i], ys[i]);
        if (line.markers()) {
          Circle dot = new Circle(4);
          dot.getStyleClass().addAll("estimate-marker", line.styleClass());
          Tooltips.install(dot, line.markerText(i));
          d.setNode(dot);
        }
        data.add(d);
      }
      s.getData().setAll(data);
      wanted.add(s);
    }
    chart.getData().removeIf(s -> !wanted.contains(s));
    for (XYChart.Series<Number, Number> s : wanted) {
      if (!chart.getData().contains(s)) {
        chart.getData().add(s);
      }
    }
    for (CurveLine line : lines) {
      XYChart.Series<Number, Number> s = series.get(line.key());
      if (s.getNode() != null) {
        // Only a real change: any edit of a node's classes makes the next pulse restyle it.
        List<String> classes = s.getNode().getStyleClass();
        if (!classes.contains(line.styleClass())) {
          classes.removeIf(c -> c.startsWith("metric-"));
          classes.add(line.styleClass());
        }
        if (line.markers() && !classes.contains("markers-only")) {
          classes.add("markers-only");
        }
      }
    }
    updateLegend();
  }

  private void updateLegend() {
    List<LegendEntry> entries = vm.legend();
    if (entries.equals(legendShown)) {
      return;
    }
    legendShown = entries;
    legend.getChildren().clear();
    for (LegendEntry entry : entries) {
      CheckBox box = new CheckBox(entry.name());
      Tooltips.install(box, entry.tooltip());
      box.setSelected(vm.isVisible(entry));
      box.setId(entry.id());
      Line swatch = new Line(0, 0, 16, 0);
      swatch.getStyleClass().addAll("legend-swatch", entry.styleClass());
      box.setGraphic(swatch);
      box.selectedProperty().addListener((o, a, b) -> vm.setVisible(entry, b));
      legend.getChildren().add(box);
    }
  }

  /** Number of points currently drawn in the main chart (all series). */
  public int mainChartPointCount() {
    int n = 0;
    for (XYChart.Series<Number, Number> s : mainChart.getData()) {
      n += s.getData().size();
    }
    return n;
  }

  /** A line chart with a vertical line at the timeline's checkpoint. */
  private static final class CursorChart extends LineChart<Number, Number> {
    private final Line line = new Line();
    private final ObservableDoubleValue cursor;

    CursorChart(NumberAxis x, NumberAxis y, ObservableDoubleValue cursor) {
      super(x, y);
      this.cursor = cursor;
      line.getStyleClass().add("timeline-cursor");
      line.setManaged(false);
      getPlotChildren().add(line);
      cursor.addListener((o, a, b) -> requestChartLayout());
    }

    @Override
    protected void layoutPlotChildren() {
      super.layoutPlotChildren();
      double v = cursor.get();
      line.setVisible(Double.isFinite(v));
      if (Double.isFinite(v)) {
        double px = getXAxis().getDisplayPosition(v);
        line.setStartX(px);
        line.setEndX(px);
        line.setStartY(0);
        line.setEndY(getYAxis().getHeight());
        line.toFront();
      }
    }
  }
}
