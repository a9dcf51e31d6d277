package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Data references: what the images are, not what they are called. */
class DataReferenceTest {
  private static Dataset images(String name, float... pixels) {
    return new Dataset(name, 1, 2, pixels, null, List.of());
  }

  @Test
  void thePixelHashIsTheSha256OfTheLittleEndianFloats() throws Exception {
    float[] pixels = {0f, 0.25f, 0.5f, 1f};
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    for (float p : pixels) {
      b.putFloat(p);
    }
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));

    assertEquals(expected, images("x", pixels.clone()).pixelSha256());
  }

  @Test
  void oneChangedPixelChangesTheReferenceAndTheNameDoesNot() {
    DataReference a =
        DataReference.of(images("digits", 0f, 0.5f, 1f, 0f), DataReference.Role.TRAIN);
    DataReference renamed =
        DataReference.of(images("my digits", 0f, 0.5f, 1f, 0f), DataReference.Role.TRAIN);
    DataReference changed =
        DataReference.of(images("digits", 0f, 0.5f, 1f, 0.001f), DataReference.Role.TRAIN);

    assertTrue(a.sameImagesAs(renamed), "the same pixels under another name");
    assertFalse(a.sameImagesAs(changed));
    assertEquals(Optional.empty(), a.mismatchWith(renamed));
    assertEquals(
        "the model was trained on " + a + "; opened with " + changed,
        a.mismatchWith(changed).orElseThrow());
  }

  @Test
  void bothPartsOfASplitKeepTheNameAndDifferInTheirPixels() {
    float[] pixels = new float[40];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = i / 40f;
    }
    Dataset.Split split = new Dataset("scans", 2, 2, pixels, null, List.of()).split(0.2, 3);

    DataReference train = DataReference.of(split.train(), DataReference.Role.TRAIN);
    DataReference test = DataReference.of(split.test(), DataReference.Role.TEST);

    assertEquals("scans", train.name());
    assertEquals("scans", test.name());
    assertEquals(8, train.imageCount());
    assertEquals(2, test.imageCount());
    assertNotEquals(train.pixelSha256(), test.pixelSha256());
    assertTrue(
        train.toString().matches("'scans' \\(8 train images, 2x2, pixels [0-9a-f]{12}\u2026\\)"),
        train.toString());
  }

  @Test
  void aReferenceFromAnOldFileIsComparedByNameAndShape() {
    DataReference old =
        new DataReference("MNIST digits", DataReference.Role.TRAIN, 0, ImageShape.MNIST, "");
    DataReference now =
        new DataReference(
            "MNIST digits", DataReference.Role.TRAIN, 8000, ImageShape.MNIST, "0".repeat(64));
    DataReference other =
        new DataReference(
            "scans", DataReference.Role.TRAIN, 8000, ImageShape.MNIST, "0".repeat(64));

    assertFalse(old.isComplete());
    assertTrue(old.sameImagesAs(now));
    assertFalse(old.sameImagesAs(other));
    assertEquals(
        "'MNIST digits' (train images, 28x28; count and pixels not recorded)", old.toString());
  }

  @Test
  void aHashThatIsNotASha256IsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DataReference("x", DataReference.Role.TEST, 3, ImageShape.MNIST, "abc"));
  }
}
