package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void drawsInPlaceAndClearsItself() {
    StringWriter sink = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(sink), true);
    bar.update(2, 10, 0.5, 9512, 75);
    String drawn = sink.toString();
    assertTrue(drawn.startsWith("\repoch 2/10 ["), drawn);
    assertTrue(drawn.contains(" 50%"), drawn);
    assertTrue(drawn.contains("9,512 samples/s"), drawn);
    assertTrue(drawn.endsWith("ETA 1:15"), drawn);
    assertEquals(-1, drawn.indexOf('\n'), "a progress bar never ends a line");
    bar.clear();
    assertTrue(sink.toString().endsWith("\r"), "the cursor returns to the start of the line");
  }

  @Test
  void drawsNothingWhenDisabled() {
    StringWriter sink = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(sink), false);
    bar.update(1, 1, 0.3, 100, 5);
    bar.clear();
    assertEquals("", sink.toString());
  }

  @Test
  void formatsDurations() {
    assertEquals("0:05", ProgressBar.duration(4.6));
    assertEquals("2:00", ProgressBar.duration(120));
    assertEquals("1:01:01", ProgressBar.duration(3661));
    assertEquals("-", ProgressBar.duration(Double.NaN));
  }
}
