package org.latentexplorer.app.manifold;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.util.StringConverter;
import org.controlsfx.control.RangeSlider;
import org.latentexplorer.app.fx.Tooltips;

/**
 * The manifold: the grid of decodings with a draggable cursor on the left; on the right the
 * cursor's decoding shown large, range sliders for both axes, the grid size, and for latent sizes
 * above two the plane and a slider per remaining dimension. Confined to the JavaFX thread.
 */
public final class ManifoldView extends HBox {
  private final ManifoldViewModel vm;
  private final Picture picture;

  public ManifoldView(ManifoldViewModel vm) {
    this.vm = vm;
    getStyleClass().add("manifold");
    setSpacing(10);
    picture = new Picture(vm);
    picture.setId("manifoldPicture");
    HBox.setHgrow(picture, Priority.ALWAYS);

    ImageView cursorView = new ImageView();
    cursorView.setId("cursorImage");
    cursorView.imageProperty().bind(vm.cursorImageProperty());
    cursorView.setFitWidth(96);
    cursorView.setFitHeight(96);
    cursorView.setPreserveRatio(true);
    cursorView.setSmooth(false);
    VBox cursorBox = new VBox(2, cursorView);
    cursorBox.getStyleClass().add("cursor-frame");
    cursorBox.setAlignment(Pos.CENTER);
    cursorBox.setMaxWidth(Region.USE_PREF_SIZE);
    Label cursorText = new Label();
    cursorText.setId("cursorText");
    cursorText.getStyleClass().add("hint");
    cursorText.textProperty().bind(vm.cursorTextProperty());
    Tooltips.install(cursorView, "The decoding at the cursor: drag on the grid");

    RangeSlider rangeA = range("rangeA", vm.lowAProperty(), vm.highAProperty());
    RangeSlider rangeB = range("rangeB", vm.lowBProperty(), vm.highBProperty());
    Label labelA = new Label();
    labelA
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    rangeLabel(
                        vm.pcaPlaneProperty().get() ? "PC1" : "z" + (vm.dimAProperty().get() + 1),
                        vm.lowAProperty().get(),
                        vm.highAProperty().get()),
                vm.pcaPlaneProperty(),
                vm.dimAProperty(),
                vm.lowAProperty(),
                vm.highAProperty()));
    Label labelB = new Label();
    labelB
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    rangeLabel(
                        vm.pcaPlaneProperty().get() ? "PC2" : "z" + (vm.dimBProperty().get() + 1),
                        vm.lowBProperty().get(),
                        vm.highBProperty().get()),
                vm.pcaPlaneProperty(),
                vm.dimBProperty(),
                vm.lowBProperty(),
                vm.highBProperty()));
    rangeB.disableProperty().bind(vm.latentDimProperty().lessThan(2));

    Slider grid = new Slider(2, ManifoldViewModel.MAX_GRID, vm.gridSizeProperty().get());
    grid.setId("gridSizeSlider");
    grid.setBlockIncrement(1);
    grid.setMajorTickUnit(1);
    grid.setMinorTickCount(0);
    grid.setSnapToTicks(true);
    Tooltips.install(grid, "Tiles per side of the grid");
    grid.valueProperty()
        .addListener((o, a, b) -> vm.gridSizeProperty().set((int) Math.round(b.doubleValue())));
    vm.gridSizeProperty().addListener((o, a, b) -> grid.setValue(b.intValue()));
    grid.valueChangingProperty().addListener((o, a, b) -> vm.adjustingProperty().set(b));
    Label gridLabel = new Label();
    gridLabel
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    "Grid "
                        + vm.gridSizeProperty().get()
                        + " \u00d7 "
                        + vm.gridSizeProperty().get(),
                vm.gridSizeProperty()));

    ChoiceBox<Integer> dimA = dimensionBox("dimABox", vm, true);
    ChoiceBox<Integer> dimB = dimensionBox("dimBBox", vm, false);
    CheckBox pca = new CheckBox("PCA plane");
    pca.setId("pcaBox");
    pca.selectedProperty().bindBidirectional(vm.pcaPlaneProperty());
    Tooltips.install(
        pca,
        "The plane of the top two principal directions of the encoded"
            + " test set, through its mean");
    dimA.disableProperty().bind(pca.selectedProperty());
    dimB.disableProperty().bind(pca.selectedProperty());
    HBox planeRow = new HBox(6, new Label("x"), dimA, new Label("y"), dimB);
    planeRow.setAlignment(Pos.CENTER_LEFT);
    VBox planeBox = new VBox(4, planeRow, pca);
    planeBox.managedProperty().bind(vm.latentDimProperty().greaterThan(2));
    planeBox.visibleProperty().bind(vm.latentDimProperty().greaterThan(2));

    VBox extraRows = new VBox(2);
    extraRows.setId("extraDimensions");
    vm.extras().addListener((ListChangeListener<ExtraDimension>) c -> fillExtras(extraRows));
    fillExtras(extraRows);
    Label extraTitle = new Label("Other dimensions, most active (highest KL) first");
    extraTitle.getStyleClass().add("hint");
    extraTitle.setWrapText(true);
    extraTitle.setMinHeight(Region.USE_PREF_SIZE);
    VBox extraBox = new VBox(4, extraTitle, extraRows);
    extraBox
        .managedProperty()
        .bind(vm.latentDimProperty().greaterThan(2).and(vm.pcaPlaneProperty().not()));
    extraBox.visibleProperty().bind(extraBox.managedProperty());

    Label gridText = new Label();
    gridText.getStyleClass().add("hint");
    gridText.setWrapText(true);
    gridText.textProperty().bind(vm.gridTextProperty());

    gridText.setMinHeight(Region.USE_PREF_SIZE);
    ChoiceBox<?> output = vm.outputChoice().choiceBox();
    output.setId("manifoldOutputBox");
    output.setMaxWidth(Double.MAX_VALUE);
    Tooltips.install(
        output,
        "The decoder's mean image at each point, or one image drawn from p(x|z) there:"
            + " what the likelihood's noise looks like");
    Label show = new Label("Show");
    show.setLabelFor(output);
    ChoiceBox<?> spacing = vm.spacingChoice().choiceBox();
    spacing.setId("spacingBox");
    spacing.setMaxWidth(Double.MAX_VALUE);
    Tooltips.install(
        spacing,
        "Tiles evenly spaced over the ranges, or at the Gaussian quantiles"
            + " \u03a6\u207b\u00b9((i + \u00bd) / n) as in the AEVB paper's manifold figure:"
            + " every tile then covers the same prior probability");
    CheckBox holes = new CheckBox("Show prior holes");
    holes.setId("holesOverlayBox");
    holes.selectedProperty().bindBidirectional(vm.holesOverlayProperty());
    holes.disableProperty().bind(vm.latentDimProperty().lessThan(2));
    Tooltips.install(
        holes,
        "Colour the tiles where the prior p(z) has mass but the test images' codes are"
            + " rare (q(z) below a tenth of p(z)): decodings there look unlike the data."
            + " On two chosen axes the map is of those two dimensions alone");
    Label spaced = new Label("Tiles");
    spaced.setLabelFor(spacing);
    for (Node n : new Node[] {labelA, rangeA, labelB, rangeB}) {
      n.disableProperty().bind(vm.quantilesProperty());
    }
    VBox controls =
        new VBox(
            6,
            cursorBox,
            cursorText,
            labelA,
            rangeA,
            labelB,
            rangeB,
            gridLabel,
            grid,
            gridText,
            spaced,
            spacing,
            show,
            output,
            holes,
            planeBox,
            extraBox);
    controls.getStyleClass().add("side-controls");
    // With many latent dimensions the sliders outgrow the card: the column scrolls.
    ScrollPane side = new ScrollPane(controls);
    side.setFitToWidth(true);
    side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    side.setPrefWidth(220);
    side.setMinWidth(190);
    side.setMaxWidth(250);
    getChildren().addAll(picture, side);
  }

  private static String rangeLabel(String axis, double lo, double hi) {
    return String.format(Locale.ROOT, "%s from %.1f to %.1f", axis, lo, hi);
  }

  private RangeSlider range(
      String id,
      javafx.beans.property.DoubleProperty low,
      javafx.beans.property.DoubleProperty high) {
    RangeSlider r =
        new RangeSlider(
            -ManifoldViewModel.RANGE_LIMIT, ManifoldViewModel.RANGE_LIMIT, low.get(), high.get());
    r.setId(id);
    r.setMajorTickUnit(1);
    r.setMinorTickCount(0);
    r.setBlockIncrement(0.1);
    r.setShowTickMarks(true);
    r.lowValueProperty().bindBidirectional(low);
    r.highValueProperty().bindBidirectional(high);
    r.lowValueChangingProperty().addListener((o, a, b) -> vm.adjustingProperty().set(b));
    r.highValueChangingProperty().addListener((o, a, b) -> vm.adjustingProperty().set(b));
    Tooltips.install(r, "The range of this latent axis shown by the grid");
    return r;
  }

  private static ChoiceBox<Integer> dimensionBox(String id, ManifoldViewModel vm, boolean first) {
    // Its own copy of the dimensions: replacing the items would otherwise clear the value after
    // it was set, depending on listener order.
    ChoiceBox<Integer> box = new ChoiceBox<>();
    box.setId(id);
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Integer i) {
            return i == null ? "" : "z" + (i + 1);
          }

          @Override
          public Integer fromString(String s) {
            return Integer.parseInt(s.substring(1)) - 1;
          }
        });
    javafx.beans.property.IntegerProperty p = first ? vm.dimAProperty() : vm.dimBProperty();
    Runnable sync =
        () -> {
          box.getItems().setAll(vm.dimensions());
          box.setValue(p.get() < 0 ? null : p.get());
        };
    sync.run();
    box.valueProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null && b != p.get()) {
                p.set(b);
              }
            });
    p.addListener((o, a, b) -> box.setValue(b.intValue() < 0 ? null : b.intValue()));
    vm.dimensions().addListener((ListChangeListener<Integer>) c -> sync.run());
    Tooltips.install(box, "The latent dimension along this axis of the grid");
    return box;
  }

  private void fillExtras(VBox rows) {
    rows.getChildren().clear();
    for (ExtraDimension e : vm.extras()) {
      Label name = new Label();
      name.textProperty()
          .bind(
              Bindings.createStringBinding(
                  () -> {
                    double kl = e.klProperty().get();
                    return String.format(
                        Locale.ROOT,
                        "%s = %.2f%s",
                        e.name(),
                        e.valueProperty().get(),
                        Double.isNaN(kl) ? "" : String.format(Locale.ROOT, "   (KL %.2f)", kl));
                  },
                  e.valueProperty(),
                  e.klProperty()));
      name.getStyleClass().add("hint");
      Slider s = new Slider(-3, 3, e.valueProperty().get());
      s.setId("extra-" + e.name());
      s.valueProperty().bindBidirectional(e.valueProperty());
      s.valueChangingProperty().addListener((o, a, b) -> vm.adjustingProperty().set(b));
      rows.getChildren().add(new VBox(0, name, s));
    }
  }

  /** The grid picture with the cursor drawn on it; pressing or dragging moves the cursor. */
  private static final class Picture extends Region {
    private final ManifoldViewModel vm;
    private final ImageView image = new ImageView();
    private final ImageView holes = new ImageView();
    private final Circle cursor = new Circle(6);
    private final Polyline path = new Polyline();
    private double x0;
    private double y0;
    private double w;
    private double h;

    Picture(ManifoldViewModel vm) {
      this.vm = vm;
      getStyleClass().add("manifold-picture");
      image.setId("manifoldImage");
      image.imageProperty().bind(vm.gridImageProperty());
      image.setPreserveRatio(false);
      image.setSmooth(true);
      // One pixel per tile, drawn as sharp blocks over the tiles.
      holes.setId("manifoldHolesImage");
      holes.imageProperty().bind(vm.holesImageProperty());
      holes.visibleProperty().bind(vm.holesOverlayProperty());
      holes.setPreserveRatio(false);
      holes.setSmooth(false);
      holes.setMouseTransparent(true);
      cursor.getStyleClass().add("manifold-cursor");
      cursor.setMouseTransparent(true);
      path.getStyleClass().add("manifold-path");
      path.setMouseTransparent(true);
      getChildren().addAll(image, holes, path, cursor);
      setMinSize(160, 160);
      setPrefSize(480, 480);
      for (javafx.beans.Observable o :
          new javafx.beans.Observable[] {
            vm.cursorAProperty(),
            vm.cursorBProperty(),
            vm.lowAProperty(),
            vm.highAProperty(),
            vm.lowBProperty(),
            vm.highBProperty(),
            image.imageProperty(),
            vm.pathProperty(),
            vm.pcaPlaneProperty(),
            vm.dimAProperty(),
            vm.dimBProperty(),
            vm.quantilesProperty()
          }) {
        o.addListener(x -> requestLayout());
      }
      addEventHandler(MouseEvent.MOUSE_PRESSED, this::drag);
      addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
      Tooltips.install(
          this,
          "Each tile decodes its point of the latent plane;" + " press or drag to move the cursor");
    }

    private void drag(MouseEvent e) {
      if (w > 0 && h > 0) {
        vm.moveCursor((e.getX() - x0) / w, (e.getY() - y0) / h);
      }
    }

    @Override
    protected void layoutChildren() {
      double aw = getWidth() - snappedLeftInset() - snappedRightInset();
      double ah = getHeight() - snappedTopInset() - snappedBottomInset();
      double ratio = 1;
      if (image.getImage() != null) {
        ratio = image.getImage().getWidth() / image.getImage().getHeight();
      }
      w = Math.max(1, Math.min(aw, ah * ratio));
      h = Math.max(1, w / ratio);
      x0 = snappedLeftInset() + (aw - w) / 2;
      y0 = snappedTopInset() + (ah - h) / 2;
      image.setFitWidth(w);
      image.setFitHeight(h);
      image.relocate(x0, y0);
      holes.setFitWidth(w);
      holes.setFitHeight(h);
      holes.relocate(x0, y0);
      ManifoldGrid g = vm.currentGrid();
      double fx = g.fractionX(vm.cursorAProperty().get());
      double fy = g.fractionY(vm.cursorBProperty().get());
      cursor.setVisible(image.getImage() != null && fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1);
      cursor.setCenterX(x0 + fx * w);
      cursor.setCenterY(y0 + fy * h);
      double[] f = vm.pathOnPicture();
      Double[] points = new Double[f.length];
      for (int i = 0; i < f.length; i += 2) {
        points[i] = x0 + Math.max(0, Math.min(1, f[i])) * w;
        points[i + 1] = y0 + Math.max(0, Math.min(1, f[i + 1])) * h;
      }
      path.getPoints().setAll(points);
      path.setVisible(image.getImage() != null && f.length > 0);
    }
  }
}
