package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {
  @Test
  void withoutADisplayOnLinuxTheLauncherSaysSoInOneLine() {
    String message = Launcher.missingDisplay(Map.of(), "Linux", null);
    assertNotNull(message);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains("DISPLAY") && message.contains("train"), message);
    assertNotNull(Launcher.missingDisplay(Map.of("DISPLAY", " "), "Linux", null));
  }

  @Test
  void aDisplayAHeadlessPlatformOrAnotherSystemNeedsNoMessage() {
    assertNull(Launcher.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
    assertNull(Launcher.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
    assertNull(Launcher.missingDisplay(Map.of(), "Linux", "Monocle"));
    assertNull(Launcher.missingDisplay(Map.of(), "Windows 11", null));
    assertNull(Launcher.missingDisplay(Map.of(), "Mac OS X", null));
  }
}
