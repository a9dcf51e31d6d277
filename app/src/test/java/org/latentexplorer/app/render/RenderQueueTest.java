package org.latentexplorer.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderQueueTest {
  private final List<String> ran = new ArrayList<>();

  private RenderTask task(String name) {
    return ctx -> ran.add(name);
  }

  private void runAll(RenderQueue q) throws Exception {
    RenderTask t;
    while ((t = q.poll()) != null) {
      t.render(null);
    }
  }

  @Test
  void aDragReplacesWaitingFramesInsteadOfQueueingThem() throws Exception {
    RenderQueue q = new RenderQueue();
    RenderQueue.Slot grid = q.slot("grid");
    for (int i = 1; i <= 100; i++) {
      q.submit(grid, task("frame " + i));
    }

    runAll(q);

    assertEquals(List.of("frame 100"), ran);
  }

  @Test
  void eachSlotKeepsItsOwnNewestRequest() throws Exception {
    RenderQueue q = new RenderQueue();
    RenderQueue.Slot grid = q.slot("grid");
    RenderQueue.Slot cursor = q.slot("cursor");
    q.submit(grid, task("grid 1"));
    q.submit(cursor, task("cursor 1"));
    q.submit(grid, task("grid 2"));
    q.submit(cursor, task("cursor 2"));

    runAll(q);

    assertEquals(List.of("grid 2", "cursor 2"), ran);
  }

  @Test
  void aRequestAfterTheWorkerTookTheLastOneIsServedToo() throws Exception {
    RenderQueue q = new RenderQueue();
    RenderQueue.Slot grid = q.slot("grid");
    RenderTask first = task("first");
    q.submit(grid, first);
    assertSame(first, q.poll());
    q.submit(grid, task("second"));

    runAll(q);

    assertEquals(List.of("second"), ran);
    assertNull(q.take(10));
  }

  @Test
  void pooledFramesAreReusedOnceTheJavaFxThreadReleasesThem() {
    FramePool pool = new FramePool();
    Frame a = pool.acquire(56, 28);
    int[] buffer = a.argb();
    a.release();

    Frame b = pool.acquire(56, 28);

    assertSame(buffer, b.argb());
    assertEquals(0, pool.freeCount());
  }

  @Test
  void mosaicLaysTilesOutRowByRowWithGaps() {
    // Two 1x2 images: the first black-white, the second white-black, side by side, gap 1.
    float[] images = {0f, 1f, 1f, 0f};

    Frame f = Mosaic.grid(images, 2, 1, 2, 2, 1, null);

    assertEquals(5, f.width());
    assertEquals(1, f.height());
    assertEquals(0xFF000000, f.pixel(0, 0));
    assertEquals(0xFFFFFFFF, f.pixel(1, 0));
    assertEquals(Mosaic.GAP_COLOUR, f.pixel(2, 0));
    assertEquals(0xFFFFFFFF, f.pixel(3, 0));
    assertEquals(0xFF000000, f.pixel(4, 0));
  }
}
