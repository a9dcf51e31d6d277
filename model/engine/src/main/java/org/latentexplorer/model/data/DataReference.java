package org.latentexplorer.model.data;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model was trained or tested on, told by what the images are rather than by a display
 * string: the data set's name, the part used, how many images of which shape, and a hash of the
 * pixels. An immutable value.
 *
 * <p>Model files of format 1 recorded only a name; for them {@link #imageCount()} is 0 and {@link
 * #pixelSha256()} is empty, and two references can be compared only by name.
 *
 * @param name the data set's own name, e.g. "MNIST digits"
 * @param role which part of the data set
 * @param imageCount images in that part; 0 when not recorded
 * @param shape height and width of the images
 * @param pixelSha256 {@link Dataset#pixelSha256()} of that part, or empty when not recorded
 */
public record DataReference(
    String name, Role role, int imageCount, ImageShape shape, String pixelSha256) {

  /** Hex digits of the pixel hash shown to people: enough to tell data sets apart at a glance. */
  private static final int SHOWN_HASH_DIGITS = 12;

  /** The part of a data set a model used. Immutable. */
  public enum Role {
    TRAIN,
    TEST;

    /** "train" or "test", as in model files and messages. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The role labelled {@code label}, if any. */
    public static Optional<Role> of(String label) {
      for (Role r : values()) {
        if (r.label().equals(label)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  public DataReference {
    Objects.requireNonNull(name);
    Objects.requireNonNull(role);
    Objects.requireNonNull(shape);
    Objects.requireNonNull(pixelSha256);
    if (imageCount < 0) {
      throw new IllegalArgumentException("image count must be >= 0: " + imageCount);
    }
    if (!pixelSha256.isEmpty() && !pixelSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 in hex: " + pixelSha256);
    }
  }

  /** The reference to {@code images} used as {@code role}; hashes the pixels on first use. */
  public static DataReference of(Dataset images, Role role) {
    return new DataReference(
        images.name(),
        role,
        images.size(),
        new ImageShape(images.height(), images.width()),
        images.pixelSha256());
  }

  /** Whether the count and the pixel hash were recorded (model files of format 2 and later). */
  public boolean isComplete() {
    return imageCount > 0 && !pixelSha256.isEmpty();
  }

  /**
   * Whether {@code other} refers to the very same images: same pixels, count and shape when both
   * are complete, else the same name and shape.
   */
  public boolean sameImagesAs(DataReference other) {
    if (isComplete() && other.isComplete()) {
      return pixelSha256.equals(other.pixelSha256)
          && imageCount == other.imageCount
          && shape.equals(other.shape);
    }
    return name.equals(other.name) && shape.equals(other.shape);
  }

  /**
   * A sentence saying that a model made with these images is used with {@code other}, or empty when
   * they are the same images.
   */
  public Optional<String> mismatchWith(DataReference other) {
    if (sameImagesAs(other)) {
      return Optional.empty();
    }
    String verb = role == Role.TRAIN ? "trained" : "tested";
    return Optional.of("the model was " + verb + " on " + this + "; opened with " + other);
  }

  /**
   * E.g. "'MNIST digits' (8,000 train images, 28x28, pixels 3f9a0c1d2b4e…)", or for a reference
   * from an old model file "'MNIST digits' (train images, 28x28; count and pixels not recorded)".
   */
  @Override
  public String toString() {
    if (!isComplete()) {
      return String.format(
          Locale.ROOT,
          "'%s' (%s images, %s; count and pixels not recorded)",
          name,
          role.label(),
          shape);
    }
    return String.format(
        Locale.ROOT,
        "'%s' (%,d %s images, %s, pixels %s\u2026)",
        name,
        imageCount,
        role.label(),
        shape,
        pixelSha256.substring(0, SHOWN_HASH_DIGITS));
  }
}
