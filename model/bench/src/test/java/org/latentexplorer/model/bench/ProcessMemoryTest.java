package org.latentexplorer.model.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessMemoryTest {
  @Test
  void readsTheHeapRangeOfG1AndParallel() {
    String g1 =
        """
         garbage-first heap   total 397312K, used 15158K [0x0000000687400000, 0x0000000800000000)
          region size 4096K, 3 young (12288K), 1 survivors (4096K)
         Metaspace       used 11206K, committed 11456K, reserved 1114112K
          class space    used 1342K, committed 1472K, reserved 1048576K
        """;
    assertArrayEquals(new long[] {0x687400000L, 0x800000000L}, ProcessMemory.heapRange(g1));
    String parallel =
        """
         PSYoungGen      total 113152K, used 27255K [0x0000000782700000, 0x000000078a500000, 0x0000000800000000)
          eden space 97280K, 28% used [0x0000000782700000,0x000000078419dd70,0x0000000788600000)
         ParOldGen       total 258048K, used 0K [0x0000000687400000, 0x0000000697000000, 0x0000000782700000)
          object space 258048K, 0% used [0x0000000687400000,0x0000000687400000,0x0000000697000000)
         Metaspace       used 11206K, committed 11456K, reserved 1114112K
        """;
    assertArrayEquals(new long[] {0x687400000L, 0x800000000L}, ProcessMemory.heapRange(parallel));
    assertNull(ProcessMemory.heapRange("no heap here"));
  }

  @Test
  void sumsResidentPagesOutsideTheHeap() {
    List<String> smaps =
        List.of(
            "00400000-00401000 r-xp 00000000 08:01 123 /usr/bin/java",
            "Size:                  4 kB",
            "Rss:                   4 kB",
            "687400000-690000000 rw-p 00000000 00:00 0 ",
            "Rss:              100000 kB",
            "690000000-800000000 ---p 00000000 00:00 0 ",
            "Rss:                   0 kB",
            "7f0000000000-7f0000100000 rw-p 00000000 00:00 0 ",
            "Rss:                 512 kB");
    assertEquals(
        (4 + 512) * 1024L, ProcessMemory.residentOutside(smaps, 0x687400000L, 0x800000000L));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void measuresThisProcess() {
    long outside = ProcessMemory.residentOutsideHeap();
    assertTrue(outside > 10L << 20, "a JVM holds more than 10 MB outside its heap: " + outside);
    assertTrue(outside < org.bytedeco.javacpp.Pointer.physicalBytes() + (1L << 20));
  }
}
