package org.latentexplorer.app.scatter;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The latent scatter plot: a canvas of coloured points with a legend, a preview of the image under
 * the mouse, and for the clicked point its original, reconstruction and 1-sigma ellipse. Confined
 * to the JavaFX thread; drawing 2,000 dots on a canvas takes well under a millisecond.
 */
public final class ScatterView extends VBox {
  private static final double MARGIN = 24;
  private static final double DOT = 2.4;
  private static final String NOTHING_SELECTED =
      "Click a point: its reconstruction and 1-sigma ellipse appear here.";

  private final ScatterViewModel vm;
  private final Canvas canvas = new Canvas();
  private final Pane plot = new Pane(canvas);
  private final FlowPane legend = new FlowPane(8, 2);
  private final VBox preview = new VBox(2);
  private final ImageView previewImage = new ImageView();
  private final Label previewLabel = new Label();
  private final ImageView originalView = new ImageView();
  private final ImageView reconView = new ImageView();
  private final Label detailText = new Label(NOTHING_SELECTED);
  private ScatterViewport viewport;

  public ScatterView(ScatterViewModel vm) {
    this.vm = vm;
    getStyleClass().add("scatter");
    setSpacing(4);
    canvas.setId("scatterCanvas");
    canvas.widthProperty().bind(plot.widthProperty());
    canvas.heightProperty().bind(plot.heightProperty());
    canvas.widthProperty().addListener(o -> draw());
    canvas.heightProperty().addListener(o -> draw());
    plot.setMinSize(160, 160);
    plot.getStyleClass().add("scatter-plot");
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.hover(-1));
    canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
    Tooltips.install(
        canvas, "Hover to see an image, click to compare it with its" + " reconstruction");

    previewImage.setFitWidth(84);
    previewImage.setFitHeight(84);
    previewImage.setSmooth(false);
    preview.getChildren().addAll(previewImage, previewLabel);
    preview.getStyleClass().add("scatter-preview");
    preview.setMouseTransparent(true);
    preview.setVisible(false);
    preview.setId("scatterPreview");
    plot.getChildren().add(preview);

    Label title = new Label();
    title.getStyleClass().add("hint");
    title.textProperty().bind(vm.titleProperty());
    legend.setId("scatterLegend");
    legend.getStyleClass().add("scatter-legend");

    originalView.setId("selectedOriginal");
    originalView.imageProperty().bind(vm.selectedOriginalProperty());
    reconView.setId("selectedReconstruction");
    reconView.imageProperty().bind(vm.selectedReconstructionProperty());
    for (ImageView v : List.of(originalView, reconView)) {
      v.setFitWidth(84);
      v.setFitHeight(84);
      v.setSmooth(false);
    }
    VBox originalBox = new VBox(2, small("Original"), originalView);
    VBox reconBox = new VBox(2, small("Reconstruction"), reconView);
    for (VBox b : List.of(originalBox, reconBox)) {
      b.visibleProperty().bind(vm.selectionProperty().isNotNull());
      b.managedProperty().bind(b.visibleProperty());
    }
    detailText.setWrapText(true);
    detailText.getStyleClass().add("hint");
    detailText.setId("selectionText");
    javafx.scene.control.Button newDraws = new javafx.scene.control.Button("New \u03b5 draws");
    newDraws.setId("newDrawsButton");
    Tooltips.install(
        newDraws,
        "Draw new \u03b5 ~ N(0, I): each dot is z = \u03bc + \u03c3\u00b7\u03b5 for the"
            + " drawing's posterior (they also change every second)");
    newDraws.setOnAction(e -> vm.draws().redraw());
    newDraws.visibleProperty().bind(vm.draws().shownProperty());
    newDraws.managedProperty().bind(vm.draws().shownProperty());
    // New draws every second while they show, so the class sees the noise move them about.
    javafx.animation.Timeline everySecond =
        new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> vm.draws().redraw()));
    everySecond.setCycleCount(javafx.animation.Animation.INDEFINITE);
    vm.draws()
        .shownProperty()
        .addListener(
            (o, a, b) -> {
              if (b) {
                everySecond.play();
              } else {
                everySecond.stop();
              }
            });
    VBox detail = new VBox(6, originalBox, reconBox, detailText, newDraws);
    detail.getStyleClass().add("side-controls");
    detail.setPrefWidth(150);
    detail.setMinWidth(130);
    detail.setMaxWidth(170);
    detail.setAlignment(Pos.TOP_LEFT);

    HBox body = new HBox(8, plot, detail);
    HBox.setHgrow(plot, Priority.ALWAYS);
    VBox.setVgrow(body, Priority.ALWAYS);
    getChildren().addAll(title, legend, body);

    vm.pointsProperty()
        .addListener(
            (o, a, b) -> {
              updateLegend();
              draw();
            });
    vm.hoveredProperty().addListener((o, a, b) -> draw());
    vm.overlaysProperty()
        .addListener(
            (o, a, b) -> {
              updateLegend();
              draw();
            });
    vm.selectionProperty()
        .addListener(
            (o, a, b) -> {
              showSelection(b);
              draw();
            });
  }

  private static Label small(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("hint");
    return l;
  }

  private void updateLegend() {
    ScatterPoints p = vm.pointsProperty().get();
    legend.getChildren().clear();
    if (p == null) {
      return;
    }
    List<String> names = p.labelNames();
    for (int i = 0; i < names.size(); i++) {
      Rectangle swatch = new Rectangle(10, 10, Color.web(LabelPalette.css(i)));
      swatch.setArcWidth(4);
      swatch.setArcHeight(4);
      Label l = new Label(names.get(i), swatch);
      l.getStyleClass().add("legend-entry");
      legend.getChildren().add(l);
    }
    for (PlacedOverlay o : vm.overlaysProperty().get()) {
      Circle swatch = new Circle(5, Color.web(o.colour()));
      Label l = new Label(o.name(), swatch);
      l.getStyleClass().add("legend-entry");
      legend.getChildren().add(l);
    }
  }

  private void onMove(MouseEvent e) {
    ScatterPoints p = vm.pointsProperty().get();
    if (p == null || viewport == null) {
      return;
    }
    int i = p.nearest(viewport, e.getX(), e.getY(), 8);
    vm.hover(i);
    if (i < 0) {
      preview.setVisible(false);
      return;
    }
    int image = p.imageIndex()[i];
    Image picture = vm.testPicture(image);
    if (picture != null) {
      previewImage.setImage(picture);
    }
    int label = p.labels()[i];
    previewLabel.setText(
        label >= 0 && label < p.labelNames().size()
            ? p.labelNames().get(label)
            : "test image " + image);
    preview.setVisible(true);
    double x = e.getX() + 14;
    double y = e.getY() + 14;
    if (x + 96 > plot.getWidth()) {
      x = e.getX() - 110;
    }
    if (y + 110 > plot.getHeight()) {
      y = e.getY() - 124;
    }
    preview.relocate(Math.max(0, x), Math.max(0, y));
  }

  private void onClick(MouseEvent e) {
    ScatterPoints p = vm.pointsProperty().get();
    if (p == null || viewport == null) {
      return;
    }
    int i = p.nearest(viewport, e.getX(), e.getY(), 8);
    if (i < 0) {
      vm.clearSelection();
    } else {
      vm.select(i);
    }
  }

  private void showSelection(Selection s) {
    if (s == null) {
      detailText.setText(NOTHING_SELECTED);
      return;
    }
    SigmaEllipse el = s.ellipse();
    String shape =
        el.visible()
            ? String.format(
                Locale.ROOT,
                "1-sigma ellipse: %.2f \u00d7 %.2f, tilted %.0f\u00b0",
                el.major(),
                el.minor(),
                Math.toDegrees(el.angle()))
            : "Deterministic encoder: no posterior spread to draw.";
    detailText.setText(
        String.format(
            Locale.ROOT,
            "%s (test image %d)%nmean (%.2f, %.2f)%n%s",
            s.labelName(),
            s.image(),
            s.meanXY()[0],
            s.meanXY()[1],
            shape));
  }

  private void draw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, w, h);
    ScatterPoints p = vm.pointsProperty().get();
    if (p == null || w < 10 || h < 10) {
      viewport = null;
      g.setFill(Color.web("#8a94a6"));
      g.setFont(Font.font(13));
      g.fillText(p == null ? "Encoding the test set\u2026" : "", 16, 24);
      return;
    }
    viewport = ScatterViewport.fit(p.bounds(), w, h, MARGIN);
    drawAxes(g, p);
    float[] xy = p.xy();
    int[] labels = p.labels();
    g.setGlobalAlpha(0.75);
    for (int i = 0; i < p.count(); i++) {
      g.setFill(Color.web(LabelPalette.css(labels[i])));
      double x = viewport.toPixelX(xy[2 * i]);
      double y = viewport.toPixelY(xy[2 * i + 1]);
      g.fillOval(x - DOT, y - DOT, 2 * DOT, 2 * DOT);
    }
    g.setGlobalAlpha(1);
    int hov = vm.hoveredProperty().get();
    if (hov >= 0 && hov < p.count()) {
      ring(g, xy[2 * hov], xy[2 * hov + 1], Color.web("#1a202c"), 5);
    }
    Selection s = vm.selectionProperty().get();
    if (s != null) {
      ellipse(g, s.meanXY()[0], s.meanXY()[1], s.covariance(), Color.web("#1a202c"));
      ring(g, s.meanXY()[0], s.meanXY()[1], Color.web("#e53e3e"), 6);
    }
    for (PlacedOverlay o : vm.overlaysProperty().get()) {
      drawOverlay(g, o);
    }
  }

  /** Each point of an overlay as a filled dot in its colour, with its 1-sigma ellipse if any. */
  private void drawOverlay(GraphicsContext g, PlacedOverlay o) {
    Color c = Color.web(o.colour());
    for (int i = 0; i < o.count(); i++) {
      double x = o.xy()[2 * i];
      double y = o.xy()[2 * i + 1];
      double[] cov = o.covariance(i);
      if (cov != null) {
        ellipse(g, x, y, cov, c);
      }
      g.setFill(c);
      double r = 5;
      g.fillOval(viewport.toPixelX(x) - r, viewport.toPixelY(y) - r, 2 * r, 2 * r);
      ring(g, x, y, Color.WHITE, r);
    }
  }

  /** The 1-sigma ellipse of plane covariance {sxx, sxy, syy} around (x, y), if it has a size. */
  private void ellipse(GraphicsContext g, double x, double y, double[] cov, Color c) {
    SigmaEllipse el = SigmaEllipse.onScreen(cov, viewport.scaleX(), viewport.scaleY());
    if (!el.visible()) {
      return;
    }
    g.save();
    g.translate(viewport.toPixelX(x), viewport.toPixelY(y));
    g.rotate(Math.toDegrees(el.angle()));
    g.setFill(c.deriveColor(0, 1, 1, 0.10));
    g.fillOval(-el.major(), -el.minor(), 2 * el.major(), 2 * el.minor());
    g.setStroke(c);
    g.setLineWidth(1.5);
    g.strokeOval(-el.major(), -el.minor(), 2 * el.major(), 2 * el.minor());
    g.restore();
  }

  private void ring(GraphicsContext g, double x, double y, Color c, double r) {
    g.setStroke(c);
    g.setLineWidth(2);
    g.strokeOval(viewport.toPixelX(x) - r, viewport.toPixelY(y) - r, 2 * r, 2 * r);
  }

  private void drawAxes(GraphicsContext g, ScatterPoints p) {
    g.setStroke(Color.web("#e2e8f0"));
    g.setLineWidth(1);
    g.setFill(Color.web("#718096"));
    g.setFont(Font.font(10));
    double step = niceStep(viewport.maxX() - viewport.minX());
    for (double v = Math.ceil(viewport.minX() / step) * step; v <= viewport.maxX(); v += step) {
      double x = Math.round(viewport.toPixelX(v)) + 0.5;
      g.strokeLine(x, 0, x, canvas.getHeight());
      g.fillText(label(v, step), x + 2, canvas.getHeight() - 4);
    }
    for (double v = Math.ceil(viewport.minY() / step) * step; v <= viewport.maxY(); v += step) {
      double y = Math.round(viewport.toPixelY(v)) + 0.5;
      g.strokeLine(0, y, canvas.getWidth(), y);
      g.fillText(label(v, step), 3, y - 2);
    }
    g.setFill(Color.web("#4a5568"));
    g.setFont(Font.font(11));
    g.fillText(p.principal() ? "PC1 \u2192" : "z1 \u2192", canvas.getWidth() - 44, 14);
    g.fillText(p.principal() ? "\u2191 PC2" : "\u2191 z2", 28, 14);
  }

  private static String label(double v, double step) {
    if (Math.abs(v) < step * 1e-6) {
      return "0";
    }
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static double niceStep(double span) {
    double raw = span / 6;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }

  /** The plot as drawn now, for export. */
  /**
   * The View menu's switch for the reparameterisation draws around the drawing's posterior (a
   * lesson may show them too).
   */
  public javafx.scene.control.CheckMenuItem drawsMenuItem() {
    javafx.scene.control.CheckMenuItem item =
        new javafx.scene.control.CheckMenuItem("Reparameterisation draws on the scatter");
    item.setId("drawsItem");
    item.selectedProperty().bindBidirectional(vm.draws().wantedProperty());
    return item;
  }

  public Canvas canvas() {
    return canvas;
  }
}
