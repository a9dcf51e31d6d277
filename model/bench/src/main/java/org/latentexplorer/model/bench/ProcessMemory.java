package org.latentexplorer.model.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Reads how much of this process is resident in memory outside the Java heap: ND4J's native arrays,
 * malloc arenas, metaspace, code and stacks. Stateless; Linux and HotSpot only.
 *
 * <p>The process RSS alone misleads: the collector touches the pages of its committed heap
 * gradually, so the RSS rises for many epochs without any leak. The heap's address range comes from
 * HotSpot's {@code GC.heap_info} diagnostic command; the resident pages inside it are subtracted,
 * mapping by mapping, using {@code /proc/self/smaps}.
 */
final class ProcessMemory {
  private static final Pattern RANGE =
      Pattern.compile("\\[0x([0-9a-f]+)[^\\]\\)]*?0x([0-9a-f]+)\\)");
  private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");

  private ProcessMemory() {}

  /** Resident bytes outside the Java heap, or -1 when this platform cannot tell. */
  static long residentOutsideHeap() {
    long[] heap = heapRange();
    if (heap == null) {
      return -1;
    }
    try {
      return residentOutside(Files.readAllLines(Path.of("/proc/self/smaps")), heap[0], heap[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Sums the Rss of the mappings in smaps text that lie outside [lo, hi).
   *
   * @return bytes
   */
  static long residentOutside(List<String> smaps, long lo, long hi) {
    long total = 0;
    boolean inside = false;
    for (String line : smaps) {
      Matcher m = MAPPING.matcher(line);
      if (m.find()) {
        long start = Long.parseUnsignedLong(m.group(1), 16);
        long end = Long.parseUnsignedLong(m.group(2), 16);
        inside = start >= lo && end <= hi;
      } else if (line.startsWith("Rss:") && !inside) {
        total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return total;
  }

  /** [lowest, highest) address of the Java heap's reservation, or null. */
  static long[] heapRange() {
    String info;
    try {
      info =
          (String)
              ManagementFactory.getPlatformMBeanServer()
                  .invoke(
                      new ObjectName("com.sun.management:type=DiagnosticCommand"),
                      "gcHeapInfo",
                      new Object[] {new String[0]},
                      new String[] {String[].class.getName()});
    } catch (JMException | RuntimeException e) {
      return null;
    }
    return heapRange(info);
  }

  /**
   * Parses the heap lines of GC.heap_info (every collector lists its spaces as [from, ..., to)).
   */
  static long[] heapRange(String heapInfo) {
    long lo = Long.MAX_VALUE;
    long hi = 0;
    for (String line : heapInfo.split("\\R")) {
      String t = line.strip();
      if (t.startsWith("Metaspace") || t.startsWith("class space")) {
        continue;
      }
      Matcher m = RANGE.matcher(t);
      if (m.find()) {
        lo = Math.min(lo, Long.parseUnsignedLong(m.group(1), 16));
        hi = Math.max(hi, Long.parseUnsignedLong(m.group(2), 16));
      }
    }
    return hi > lo ? new long[] {lo, hi} : null;
  }
}
