package org.latentexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.data.CsvReader.LabelColumn;

class CsvReaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static int[] labels(Dataset d) {
    int[] l = new int[d.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = d.label(i);
    }
    return l;
  }

  @Test
  void readsUnlabelledUnitScaleAsSquareImages() throws IOException {
    Dataset d = new CsvReader().read(write("a.csv", "0,0.25,0.5,1\n1,0.75,0,0.125\n"));
    assertEquals(2, d.size());
    assertEquals(2, d.height());
    assertEquals(2, d.width());
    assertFalse(d.hasLabels());
    assertArrayEquals(new float[] {1, 0.75f, 0, 0.125f}, d.copyImage(1));
  }

  @Test
  void detects0To255ScaleFromAnyValueAboveOne() throws IOException {
    Dataset d = new CsvReader().read(write("b.csv", "0,1,1,0\n0,0,255,51\n"));
    assertArrayEquals(new float[] {0, 1 / 255f, 1 / 255f, 0}, d.copyImage(0));
    assertArrayEquals(new float[] {0, 0, 1, 0.2f}, d.copyImage(1), 1e-7f);
  }

  @Test
  void kaggleStyleHeaderWithLabelFirst() throws IOException {
    Path f = write("train.csv", "label,p0,p1,p2,p3\n3,0,255,0,0\n1,255,0,0,0\n3,0,0,0,255\n");
    Dataset d = new CsvReader().read(f);
    assertEquals(3, d.size());
    assertArrayEquals(new int[] {3, 1, 3}, labels(d));
    assertEquals(List.of("0", "1", "2", "3"), d.labelNames());
    assertArrayEquals(new float[] {0, 1, 0, 0}, d.copyImage(0));
  }

  @Test
  void autoFindsLabelColumnWithoutHeaderFromSquareImages() throws IOException {
    // 5 columns: 4 pixels make a square, 5 do not, so one column is the label.
    Dataset first = new CsvReader().read(write("f.csv", "7,0,0,0,1\n2,1,0,0,0\n"));
    assertArrayEquals(new int[] {7, 2}, labels(first));
    assertEquals(4, first.dimension());
    Dataset last = new CsvReader().read(write("l.csv", "0.5,0,0,1,2\n1,0,0.5,0,4\n"));
    assertArrayEquals(new int[] {2, 4}, labels(last));
    assertArrayEquals(new float[] {1, 0, 0.5f, 0}, last.copyImage(1));
  }

  @Test
  void textLabelsBecomeSortedClassNames() throws IOException {
    Dataset d = new CsvReader().read(write("t.csv", "zebra,0,0,0,1\nant,1,0,0,0\nzebra,0,1,0,0\n"));
    assertEquals(List.of("ant", "zebra"), d.labelNames());
    assertArrayEquals(new int[] {1, 0, 1}, labels(d));
  }

  @Test
  void explicitSettingsOverrideDetection() throws IOException {
    Path f = write("e.csv", "1,0,0,1,0,1\n0,1,1,0,1,0\n");
    Dataset none = new CsvReader().withLabelColumn(LabelColumn.NONE).read(f);
    assertEquals(1, none.height());
    assertEquals(6, none.width());
    Dataset shaped =
        new CsvReader().withLabelColumn(LabelColumn.LAST).withShape(new ImageShape(1, 5)).read(f);
    assertArrayEquals(new int[] {1, 0}, labels(shaped));
    Dataset first = new CsvReader().withLabelColumn(LabelColumn.FIRST).read(f);
    assertArrayEquals(new float[] {0, 0, 1, 0, 1}, first.copyImage(0));
  }

  @Test
  void tabsSemicolonsQuotesBlankLinesAndGzip() throws IOException {
    Dataset tabs = new CsvReader().read(write("t.tsv", "0\t1\t1\t0\n\n1\t0\t0\t1\n\n"));
    assertEquals(2, tabs.size());
    Dataset semi = new CsvReader().read(write("s.csv", "\"a\";\"b\";\"c\";\"d\"\n0;1;0;1\n"));
    assertArrayEquals(new float[] {0, 1, 0, 1}, semi.copyImage(0));
    Path gz = dir.resolve("g.csv.gz");
    Files.write(gz, IdxBytes.gzip("0,1,1,0\n".getBytes(StandardCharsets.UTF_8)));
    assertArrayEquals(new float[] {0, 1, 1, 0}, new CsvReader().read(gz).copyImage(0));
  }

  @Test
  void growsPastTheFirstLineEstimate() throws IOException {
    StringBuilder b = new StringBuilder("0,0,0,0\n");
    for (int i = 0; i < 3000; i++) {
      // Longer lines than the first, so the first line overestimates nothing.
      b.append(i % 2 == 0 ? "0.25" : "0.75").append(",0.5,0.125,").append(i % 2).append('\n');
    }
    Dataset d = new CsvReader().read(write("g.csv", b.toString()));
    assertEquals(3001, d.size());
    assertArrayEquals(new float[] {0, 0, 0, 0}, d.copyImage(0));
    assertArrayEquals(new float[] {0.25f, 0.5f, 0.125f, 0}, d.copyImage(2001));
    assertArrayEquals(new float[] {0.75f, 0.5f, 0.125f, 1}, d.copyImage(3000));
  }

  private DataFormatException refused(String name, String text) throws IOException {
    Path f = write(name, text);
    return assertThrows(DataFormatException.class, () -> new CsvReader().read(f));
  }

  private static void assertMessage(DataFormatException e, String... parts) {
    String m = e.getMessage();
    assertFalse(m.contains("\n"), "one line: " + m);
    for (String part : parts) {
      assertTrue(m.contains(part), "'" + m + "' should contain '" + part + "'");
    }
  }

  @Test
  void refusesEmptyFiles() throws IOException {
    assertMessage(refused("empty.csv", ""), "empty.csv", "empty");
    assertMessage(refused("blank.csv", "\n  \n"), "blank.csv", "no data");
    assertMessage(refused("header.csv", "label,a,b,c,d\n"), "header.csv", "no images");
  }

  @Test
  void refusesRaggedRowsWithLineNumber() throws IOException {
    assertMessage(
        refused("r.csv", "0,1,0,1\n1,0,1,0\n\n1,0,1\n"),
        "r.csv",
        "line 4 has 3 values, expected 4");
  }

  @Test
  void refusesNonNumbersWithLineAndColumn() throws IOException {
    assertMessage(
        refused("n.csv", "0,1,0,1\n1,0,x1,0\n"),
        "n.csv",
        "line 2, column 3",
        "'x1' is not a number");
    assertMessage(refused("nan.csv", "0,1,0,1\n1,NaN,1,0\n"), "line 2, column 2", "'NaN'");
    assertMessage(refused("f.csv", "0,1,0,1\n1,0,1f,0\n"), "'1f'");
    assertMessage(refused("e.csv", "0,1,0,1\n1,,1,0\n"), "line 2, column 2", "'' is not");
  }

  @Test
  void refusesValuesOutsidePixelRange() throws IOException {
    assertMessage(refused("big.csv", "0,1,0,1\n1,0,256,0\n"), "line 2, column 3", "256", "0..255");
    assertMessage(refused("neg.csv", "0,1,0,1\n-1,0,1,0\n"), "line 2, column 1", "-1");
  }

  @Test
  void refusesShapeThatDoesNotFit() throws IOException {
    Path f = write("s.csv", "0,1,0,1\n");
    DataFormatException e =
        assertThrows(
            DataFormatException.class, () -> new CsvReader().withShape(ImageShape.MNIST).read(f));
    assertMessage(e, "s.csv", "4 pixel values", "28x28 need 784");
  }

  @Test
  void strictNumbers() {
    for (String ok : List.of("0", "1.5", "-2", "+3", ".5", "5.", "1e3", "1.5E-2")) {
      assertTrue(CsvReader.isNumber(ok), ok);
    }
    for (String bad :
        List.of("", ".", "-", "1e", "NaN", "Infinity", "0x1p3", "1f", "1d", "1 2", "١")) {
      assertFalse(CsvReader.isNumber(bad), bad);
    }
  }
}
