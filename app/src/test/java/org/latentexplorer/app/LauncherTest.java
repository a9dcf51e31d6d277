package org.latentexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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

  @Test
  void aLessonIsNamedAfterLessonOrByItsEndingAsADesktopPassesIt() {
    assertEquals(
        Path.of("a.json"), Launcher.lessonArgument(List.of("--lesson", "a.json", "b.lesson")));
    assertEquals(
        Path.of("/home/t/Week 3.LESSON"),
        Launcher.lessonArgument(List.of("/home/t/Week 3.LESSON")));
    assertNull(Launcher.lessonArgument(List.of("--version")));
    assertNull(Launcher.lessonArgument(List.of("--x.lesson")), "an option is no file");
  }
}
