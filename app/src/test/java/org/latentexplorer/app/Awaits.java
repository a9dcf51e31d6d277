package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.latentexplorer.app.render.FrameImage;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in UI tests: poll a condition until it holds, never a fixed sleep alone. */
final class Awaits {
  /** How long a live picture must go without a new frame to count as settled. */
  private static final long SETTLED_MILLIS = 800;

  private Awaits() {}

  /** Runs {@code c} on the JavaFX thread and returns its result. */
  static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
  }

  /** Polls {@code condition} on the JavaFX thread until it holds, or fails after a timeout. */
  static void await(String what, long seconds, Callable<Boolean> condition) throws Exception {
    poll(what, seconds, () -> onFx(condition));
  }

  /** Polls {@code condition} on the test thread (for file checks) until it holds. */
  static void poll(String what, long seconds, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Boolean.TRUE.equals(condition.call())) {
        return;
      }
      Thread.sleep(50);
    }
    fail("waited " + seconds + " s for " + what);
  }

  /** The pixels of a live picture once no new frame has come for {@value #SETTLED_MILLIS} ms. */
  static int[] settledPixels(FrameImage picture) throws Exception {
    long last = -1;
    long stableSince = System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      long frames = onFx(picture::frameCount);
      if (frames != last) {
        last = frames;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(SETTLED_MILLIS)) {
        return onFx(() -> pixels(picture.get()));
      }
      Thread.sleep(50);
    }
    fail("the picture never settled");
    return null;
  }

  /** An image's pixels as ARGB, row after row. */
  static int[] pixels(Image image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] out = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
    return out;
  }
}
