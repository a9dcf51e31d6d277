package org.latentexplorer.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, from the build. Stateless. */
public final class Version {
  private Version() {}

  /** E.g. "0.1.0"; "unknown" when the build did not record it. */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
