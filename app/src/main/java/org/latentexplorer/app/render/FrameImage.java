package org.latentexplorer.app.render;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * An image that shows the newest {@link Frame}: its pixels are copied into one reused {@link
 * WritableImage} (a new one only when the size changes) and the frame goes back to its pool.
 * Confined to the JavaFX thread.
 */
public final class FrameImage {
  private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");
  private WritableImage current;
  private long frames;

  /** Shows {@code frame} and releases it. */
  public void show(Frame frame) {
    try {
      if (current == null
          || (int) current.getWidth() != frame.width()
          || (int) current.getHeight() != frame.height()) {
        current = new WritableImage(frame.width(), frame.height());
        copy(frame, current);
        image.set(current);
      } else {
        copy(frame, current);
      }
      frames++;
    } finally {
      frame.release();
    }
  }

  /** A new image holding a copy of {@code frame} (which is not released). */
  public static WritableImage imageOf(Frame frame) {
    WritableImage image = new WritableImage(frame.width(), frame.height());
    copy(frame, image);
    return image;
  }

  private static void copy(Frame frame, WritableImage target) {
    target
        .getPixelWriter()
        .setPixels(
            0,
            0,
            frame.width(),
            frame.height(),
            PixelFormat.getIntArgbInstance(),
            frame.argb(),
            0,
            frame.width());
  }

  /** Removes the picture. */
  public void clear() {
    current = null;
    image.set(null);
  }

  /** The picture, or null before the first frame; redrawn in place while the size stays. */
  public ReadOnlyObjectProperty<Image> imageProperty() {
    return image.getReadOnlyProperty();
  }

  public Image get() {
    return image.get();
  }

  /** Frames shown so far. */
  public long frameCount() {
    return frames;
  }
}
