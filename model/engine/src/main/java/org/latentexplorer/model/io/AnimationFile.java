package org.latentexplorer.model.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a sequence of pictures as an animated GIF or as numbered PNG files, with the JDK's own
 * image writers; stateless, on the calling thread. Frames are handed over one at a time, so an
 * animation of hundreds of frames never holds more than one.
 */
public final class AnimationFile {
  /** Name of the n-th PNG of a sequence, from 1. */
  private static final String FRAME_NAME = "frame-%04d.png";

  private static final Pattern FRAME_FILE = Pattern.compile("frame-(\\d{4,})\\.png");

  private static final String GIF_METADATA = "javax_imageio_gif_image_1.0";

  private AnimationFile() {}

  /** Receives the frames of an animation, in order. */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param frame not kept after the call returns; all frames of one animation have one size
     */
    void accept(BufferedImage frame) throws IOException;
  }

  /** The frames of an animation, made on demand and handed to a sink one at a time. */
  @FunctionalInterface
  public interface Frames {
    void each(Sink sink) throws IOException;
  }

  /**
   * Replaces {@code file} (or creates it, and its folders) with the frames as a GIF that loops
   * forever, atomically ({@link AtomicFile}): an error or a cancellation half way leaves the
   * previous file as it was.
   *
   * @param frameMillis how long each frame shows, rounded to the GIF's hundredths of a second
   * @return how many frames it holds
   */
  public static int writeGif(Path file, int frameMillis, Frames frames) throws IOException {
    if (frameMillis < 10 || frameMillis > 655_350) {
      throw new IllegalArgumentException(
          "a GIF frame shows for 10 ms to 655 s, not " + frameMillis + " ms");
    }
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IOException("no GIF writer available");
    }
    int[] count = {0};
    AtomicFile.write(
        file,
        out -> {
          ImageWriter writer = writers.next();
          try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            int[] size = new int[2];
            frames.each(
                frame -> {
                  checkSize(frame, size, count[0]);
                  ImageWriteParam param = writer.getDefaultWriteParam();
                  IIOMetadata meta =
                      writer.getDefaultImageMetadata(
                          ImageTypeSpecifier.createFromRenderedImage(frame), param);
                  meta.setFromTree(
                      GIF_METADATA, frameMetadata(meta, (frameMillis + 5) / 10, count[0] == 0));
                  writer.writeToSequence(new IIOImage(frame, null, meta), param);
                  count[0]++;
                });
            if (count[0] == 0) {
              throw new IOException("an animation needs at least one frame");
            }
            writer.endWriteSequence();
          } finally {
            writer.dispose();
          }
        });
    return count[0];
  }

  private static void checkSize(BufferedImage frame, int[] size, int index) {
    if (index == 0) {
      size[0] = frame.getWidth();
      size[1] = frame.getHeight();
    } else if (frame.getWidth() != size[0] || frame.getHeight() != size[1]) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "frame %d is %dx%d, the first %dx%d: an animation's frames have one size",
              index + 1,
              frame.getWidth(),
              frame.getHeight(),
              size[0],
              size[1]));
    }
  }

  /**
   * A frame's metadata: its delay, no transparency, each frame replacing the last; and on the first
   * frame the NETSCAPE2.0 application extension with a loop count of 0, which viewers read as "loop
   * forever".
   *
   * @param hundredths the delay in hundredths of a second
   */
  private static IIOMetadataNode frameMetadata(IIOMetadata meta, int hundredths, boolean first) {
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_METADATA);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(hundredths));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
      loop.setAttribute("applicationID", "NETSCAPE");
      loop.setAttribute("authenticationCode", "2.0");
      loop.setUserObject(new byte[] {1, 0, 0});
      child(root, "ApplicationExtensions").appendChild(loop);
    }
    return root;
  }

  private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
    for (int i = 0; i < parent.getLength(); i++) {
      if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) parent.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    parent.appendChild(node);
    return node;
  }

  /**
   * Writes the frames into {@code folder} (created if need be) as frame-0001.png, frame-0002.png,
   * ..., each file atomically, and removes the numbered frames a longer earlier sequence left
   * there, so that the folder holds this animation alone.
   *
   * @return how many frames were written
   */
  public static int writePngSequence(Path folder, Frames frames) throws IOException {
    Files.createDirectories(folder);
    int[] count = {0};
    frames.each(
        frame -> {
          count[0]++;
          PngFile.write(frame, folder.resolve(pngFrameName(count[0])));
        });
    try (var files = Files.list(folder)) {
      for (Path p : files.toList()) {
        Matcher m = FRAME_FILE.matcher(p.getFileName().toString());
        if (m.matches() && (m.group(1).length() > 9 || Integer.parseInt(m.group(1)) > count[0])) {
          Files.delete(p);
        }
      }
    }
    return count[0];
  }

  /** The file name of frame {@code n} (from 1) of a PNG sequence. */
  public static String pngFrameName(int n) {
    return String.format(Locale.ROOT, FRAME_NAME, n);
  }
}
