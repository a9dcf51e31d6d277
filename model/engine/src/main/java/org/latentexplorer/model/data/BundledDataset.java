package org.latentexplorer.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The datasets shipped inside the application, so it works offline on first start; immutable
 * constants. Each is read from the class path of the resources module; where each came from is in
 * the {@code PROVENANCE.md} beside its files.
 */
public enum BundledDataset {
  /** 10,000 handwritten digits of MNIST, 28x28, labels 0 to 9. The default. */
  MNIST_DIGITS(
      "MNIST digits",
      "mnist-digits/images-idx3-ubyte.gz",
      "mnist-digits/labels-idx1-ubyte.gz",
      LabelNames.numbered(10)),
  /** The 10,000 images of Fashion-MNIST's test set, 28x28, ten kinds of clothing. */
  FASHION_MNIST(
      "Fashion-MNIST",
      "fashion-mnist/t10k-images-idx3-ubyte.gz",
      "fashion-mnist/t10k-labels-idx1-ubyte.gz",
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot"));

  /** Where the resources module puts the contents of its {@code data/} folder. */
  static final String ROOT = "/org/latentexplorer/resources/data/";

  private final String displayName;
  private final String images;
  private final String labels;
  private final List<String> labelNames;

  BundledDataset(String displayName, String images, String labels, List<String> labelNames) {
    this.displayName = displayName;
    this.images = images;
    this.labels = labels;
    this.labelNames = List.copyOf(labelNames);
  }

  /** The dataset the app opens when the user has not chosen one. */
  public static BundledDataset defaultDataset() {
    return MNIST_DIGITS;
  }

  public String displayName() {
    return displayName;
  }

  /** The bundled set whose display name is {@code name}, as a model's data reference names it. */
  public static Optional<BundledDataset> named(String name) {
    for (BundledDataset b : values()) {
      if (b.displayName.equals(name)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  public List<String> labelNames() {
    return labelNames;
  }

  /** The class-path resource path of the images file. */
  String imagesResource() {
    return ROOT + images;
  }

  /** The class-path resource path of the labels file. */
  String labelsResource() {
    return ROOT + labels;
  }

  /**
   * Reads the dataset from the class path: about 8 million pixels, read straight into one float
   * array.
   *
   * @throws DataFormatException when the files are missing from the class path (a packaging error)
   *     or damaged
   */
  public Dataset load() throws IOException {
    try (InputStream imagesIn = open(imagesResource());
        InputStream labelsIn = open(labelsResource())) {
      return IdxReader.read(displayName, imagesIn, labelsIn, labelNames);
    }
  }

  private InputStream open(String resource) throws DataFormatException {
    InputStream in = BundledDataset.class.getResourceAsStream(resource);
    if (in == null) {
      throw new DataFormatException(
          displayName + ": bundled file " + resource + " is missing from the class path");
    }
    return in;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
