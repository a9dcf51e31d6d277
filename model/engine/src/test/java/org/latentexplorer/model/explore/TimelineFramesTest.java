package org.latentexplorer.model.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.data.BundledDataset;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.io.AnimationFile;
import org.latentexplorer.model.train.DivergenceException;
import org.latentexplorer.model.train.Trainer;
import org.latentexplorer.model.train.TrainerState;
import org.latentexplorer.model.train.TrainingConfig;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** A run's timeline as animation frames, written as a GIF and as a PNG sequence, read back. */
class TimelineFramesTest {
  private static Dataset test;
  private static TrainerState flat;
  private static TrainerState deep;

  @TempDir Path dir;

  @BeforeAll
  static void train() throws IOException, DivergenceException {
    Dataset.Split split = BundledDataset.MNIST_DIGITS.load().split(0.2, 1);
    Dataset.Split small = new Dataset.Split(split.train().head(400), split.test().head(100));
    test = small.test();
    flat = run(small, 2);
    deep = run(small, 3);
  }

  private static TrainerState run(Dataset.Split data, int latent) throws DivergenceException {
    Trainer t =
        new Trainer(
            ModelConfig.defaults(ModelFamily.VAE, 28, 28)
                .withHidden(List.of(32))
                .withLatentDim(latent),
            TrainingConfig.defaults().withBatchSize(50),
            data);
    while (t.epoch() < 1) {
      t.step();
    }
    return t.state();
  }

  private static TimelineFrames frames(
      TrainerState s, TimelineFrames.Settings settings, List<Integer> progress) {
    return new TimelineFrames(
        s.model(), s.timeline(), test, settings, (done, total) -> progress.add(done), () -> false);
  }

  /** The frames of a GIF, read back with the JDK's reader, and its first frame's metadata. */
  private static List<BufferedImage> readGif(Path file, IIOMetadataNode[] firstMeta)
      throws IOException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      int n = reader.getNumImages(true);
      List<BufferedImage> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(reader.read(i));
      }
      firstMeta[0] =
          (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      return out;
    } finally {
      reader.dispose();
    }
  }

  private static int[] rgb(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  @Test
  void theManifoldGifHasAFrameACheckpointLoopsAndChangesAsTheModelLearns() throws IOException {
    int checkpoints = flat.timeline().size();
    assertTrue(checkpoints >= 5, "the run kept a timeline: " + checkpoints);
    List<Integer> progress = new ArrayList<>();
    TimelineFrames f =
        frames(
            flat,
            new TimelineFrames.Settings(
                TimelineFrames.Picture.MANIFOLD, 8, GridSpacing.LINEAR, 3, 480, 2000),
            progress);
    Path gif = dir.resolve("out/manifold.gif");

    assertEquals(checkpoints, AnimationFile.writeGif(gif, 120, f));

    IIOMetadataNode[] meta = new IIOMetadataNode[1];
    List<BufferedImage> read = readGif(gif, meta);
    assertEquals(checkpoints, read.size());
    for (BufferedImage img : read) {
      assertEquals(8 * 28, img.getWidth());
      assertEquals(8 * 28 + TimelineFrames.LABEL_BAND, img.getHeight());
    }
    assertArrayEquals(new int[] {8 * 28, 8 * 28 + TimelineFrames.LABEL_BAND}, f.frameSize());
    assertFalse(
        Arrays.equals(rgb(read.get(0)), rgb(read.get(checkpoints - 1))),
        "the first and the last frames differ");
    IIOMetadataNode control =
        (IIOMetadataNode) meta[0].getElementsByTagName("GraphicControlExtension").item(0);
    assertEquals("12", control.getAttribute("delayTime"), "hundredths of a second");
    IIOMetadataNode app =
        (IIOMetadataNode) meta[0].getElementsByTagName("ApplicationExtension").item(0);
    assertEquals("NETSCAPE", app.getAttribute("applicationID"));
    assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject(), "loops forever");
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= checkpoints; i++) {
      expected.add(i);
    }
    assertEquals(expected, progress);
  }

  @Test
  void theScatterOfADeepLatentIsDrawnOnOnePlaneInLabelColours() throws IOException {
    TimelineFrames f =
        frames(deep, TimelineFrames.Settings.of(TimelineFrames.Picture.SCATTER), new ArrayList<>());
    List<BufferedImage> made = new ArrayList<>();

    f.each(frame -> made.add(frame));

    assertEquals(deep.timeline().size(), made.size());
    BufferedImage last = made.get(made.size() - 1);
    assertEquals(480, last.getWidth());
    assertEquals(480 + TimelineFrames.LABEL_BAND, last.getHeight());
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = TimelineFrames.LABEL_BAND; y < last.getHeight(); y++) {
      for (int x = 0; x < last.getWidth(); x++) {
        colours.add(last.getRGB(x, y) & 0xFFFFFF);
      }
    }
    colours.removeAll(List.of(0xFFFFFF, 0xDDDDDD));
    assertTrue(colours.size() >= 8, "most of the ten digits show in their colours: " + colours);
    assertFalse(Arrays.equals(rgb(made.get(0)), rgb(last)), "the codes move as the model learns");
  }

  @Test
  void thePngSequenceHasAFileAFrameAndReplacesALongerOne() throws IOException {
    Path folder = dir.resolve("frames");
    Files.createDirectories(folder);
    Files.write(folder.resolve("frame-0999.png"), new byte[] {1});
    Files.write(folder.resolve("notes.txt"), new byte[] {1});
    TimelineFrames f =
        frames(
            flat, TimelineFrames.Settings.of(TimelineFrames.Picture.MANIFOLD), new ArrayList<>());

    int n = AnimationFile.writePngSequence(folder, f);

    assertEquals(flat.timeline().size(), n);
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      expected.add(String.format("frame-%04d.png", i));
    }
    expected.add("notes.txt");
    try (var files = Files.list(folder)) {
      assertEquals(expected, files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    BufferedImage first = ImageIO.read(folder.resolve("frame-0001.png").toFile());
    assertArrayEquals(f.frameSize(), new int[] {first.getWidth(), first.getHeight()});
  }

  @Test
  void aCancelledAnimationLeavesNoFile() throws IOException {
    int[] asked = {0};
    TimelineFrames f =
        new TimelineFrames(
            flat.model(),
            flat.timeline(),
            test,
            TimelineFrames.Settings.of(TimelineFrames.Picture.MANIFOLD),
            null,
            () -> ++asked[0] > 2);
    Path gif = dir.resolve("cancelled.gif");

    assertThrows(CancellationException.class, () -> AnimationFile.writeGif(gif, 100, f));

    assertEquals(3, asked[0], "asked before each frame, stopped at the third");
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "no file, and no temporary file");
    }
  }

  @Test
  void framesOfDifferentSizesAreRefused() {
    Path gif = dir.resolve("mixed.gif");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AnimationFile.writeGif(
                    gif,
                    100,
                    sink -> {
                      sink.accept(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY));
                      sink.accept(new BufferedImage(12, 10, BufferedImage.TYPE_BYTE_GRAY));
                    }));
    assertEquals(
        "frame 2 is 12x10, the first 10x10: an animation's frames have one size", e.getMessage());
    assertFalse(Files.exists(gif));
  }
}
