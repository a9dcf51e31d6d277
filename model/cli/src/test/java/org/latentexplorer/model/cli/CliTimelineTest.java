package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.io.ModelFile;

/** The timeline animations from the command line: after training, and from a saved model. */
class CliTimelineTest {
  private static final String[] TINY_DATA = {"--data", "mnist", "--limit", "300"};

  @TempDir static Path dir;

  private static Path model;
  private static Path gif;
  private static Path frames;
  private static CliRun training;

  @BeforeAll
  static void trainWithAnimations() {
    model = dir.resolve("tiny.lex");
    gif = dir.resolve("anim/train.gif");
    frames = dir.resolve("frames");
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--epochs",
                "2",
                "--batch",
                "32",
                "--hidden",
                "32",
                "--no-progress",
                "--out",
                model.toString(),
                "--timeline-gif",
                gif.toString(),
                "--timeline-png",
                frames.toString()));
    args.addAll(List.of(TINY_DATA));
    training = CliRun.of(args.toArray(String[]::new));
  }

  /** Frame count and the size of each frame of a GIF, as the JDK's reader sees them. */
  private static List<int[]> gifFrames(Path file) throws IOException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      List<int[]> sizes = new ArrayList<>();
      for (int i = 0; i < reader.getNumImages(true); i++) {
        sizes.add(new int[] {reader.getWidth(i), reader.getHeight(i)});
      }
      return sizes;
    } finally {
      reader.dispose();
    }
  }

  @Test
  void trainWritesTheTimelineAsAGifAndAPngSequence() throws IOException {
    assertEquals(0, training.code(), training::toString);
    int checkpoints = ModelFile.load(model).timeline().size();
    assertTrue(checkpoints > 10, "two epochs of 9 steps keep every step: " + checkpoints);

    List<int[]> sizes = gifFrames(gif);
    assertEquals(checkpoints, sizes.size());
    for (int[] s : sizes) {
      assertEquals(20 * 28, s[0]);
      assertEquals(20 * 28 + 18, s[1]);
    }
    try (var files = Files.list(frames)) {
      assertEquals(checkpoints, files.count());
    }
    BufferedImage last =
        ImageIO.read(frames.resolve(String.format("frame-%04d.png", checkpoints)).toFile());
    assertEquals(20 * 28, last.getWidth());
    assertTrue(
        training.out().contains("wrote " + gif + ": " + checkpoints + " frames of the manifold"),
        training::toString);
  }

  @Test
  void aSmallerGifHasFewerFramesAndCells() throws IOException {
    assertEquals(0, training.code(), training::toString);
    Path small = dir.resolve("small.gif");
    CliRun r =
        CliRun.of(
            "sample",
            "--model",
            model.toString(),
            "--timeline-gif",
            small.toString(),
            "--timeline-frames",
            "4",
            "--timeline-cells",
            "6");

    assertEquals(0, r.code(), r::toString);
    List<int[]> sizes = gifFrames(small);
    assertEquals(4, sizes.size());
    assertEquals(6 * 28, sizes.get(0)[0]);
    assertEquals(
        2,
        CliRun.of(
                "sample",
                "--model",
                model.toString(),
                "--timeline-gif",
                small.toString(),
                "--timeline-frames",
                "1")
            .code());
  }

  @Test
  void sampleAnimatesTheScatterOfASavedModel() throws IOException {
    assertEquals(0, training.code(), training::toString);
    Path scatter = dir.resolve("scatter.gif");
    List<String> args =
        new ArrayList<>(
            List.of(
                "sample",
                "--model",
                model.toString(),
                "--timeline-gif",
                scatter.toString(),
                "--timeline-view",
                "scatter",
                "--frame-ms",
                "50"));
    args.addAll(List.of(TINY_DATA));

    CliRun r = CliRun.of(args.toArray(String[]::new));

    assertEquals(0, r.code(), r::toString);
    List<int[]> sizes = gifFrames(scatter);
    assertEquals(ModelFile.load(model).timeline().size(), sizes.size());
    assertEquals(480, sizes.get(0)[0]);
    assertEquals(480 + 18, sizes.get(0)[1]);
  }

  @Test
  void aModelWithoutATimelineOrABadFrameTimeIsOneLine() throws IOException {
    assertEquals(0, training.code(), training::toString);
    Path old = formatTwoCopy(model, dir.resolve("old.lex"));
    Path out = dir.resolve("none.gif");

    CliRun r = CliRun.of("sample", "--model", old.toString(), "--timeline-gif", out.toString());

    assertEquals(Cli.EXIT_FAILURE, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("old.lex holds no timeline"), r::toString);
    assertTrue(Files.notExists(out));

    CliRun fast =
        CliRun.of(
            "sample",
            "--model",
            model.toString(),
            "--timeline-gif",
            out.toString(),
            "--frame-ms",
            "5");
    assertEquals(Cli.EXIT_USAGE, fast.code(), fast::toString);
    assertTrue(
        fast.err().contains("--frame-ms must be between 20 and 10000, got 5"), fast::toString);
  }

  /**
   * The model as a format 2 file (before timelines): no timeline entry, no timeline in the header.
   */
  private static Path formatTwoCopy(Path from, Path to) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals("timeline.bf16")) {
          continue;
        }
        if (e.getName().equals("model.json")) {
          ObjectNode h = (ObjectNode) json.readTree(data);
          h.put("formatVersion", 2);
          h.remove("timeline");
          ((ObjectNode) h.get("sha256")).remove("timeline.bf16");
          data = json.writeValueAsBytes(h);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    }
    Files.write(to, out.toByteArray());
    return to;
  }
}
