package org.latentexplorer.model.train;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.nn.Backend;

/**
 * Where a model came from: the program and machine that wrote it, when, and the data it was trained
 * and tested on. An immutable value; a model file carries one, so that a file opened a year later
 * still says where it came from.
 *
 * @param appVersion the Latent Explorer version that wrote the model
 * @param java the Java runtime, e.g. "17.0.15+6 (OpenJDK 64-Bit Server VM)"
 * @param os the operating system and its version
 * @param arch the processor architecture, e.g. "amd64"
 * @param backend the ND4J backend, as {@link Backend#load()} describes it
 * @param kernels the element-wise kernels of the training step ({@code Kernels.name()})
 * @param created when the model was written; empty when not recorded
 * @param data the training and test data, each at most once; empty when not recorded
 */
public record Provenance(
    String appVersion,
    String java,
    String os,
    String arch,
    String backend,
    String kernels,
    Optional<Instant> created,
    List<DataReference> data) {

  /** The value of a field a model file did not record. */
  public static final String UNKNOWN = "unknown";

  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public Provenance {
    Objects.requireNonNull(appVersion);
    Objects.requireNonNull(java);
    Objects.requireNonNull(os);
    Objects.requireNonNull(arch);
    Objects.requireNonNull(backend);
    Objects.requireNonNull(kernels);
    Objects.requireNonNull(created);
    data = List.copyOf(data);
    if (data.stream().map(DataReference::role).distinct().count() != data.size()) {
      throw new IllegalArgumentException("at most one data reference per role: " + data);
    }
  }

  /** The provenance of a model from a file that did not record one (format 1). */
  public static Provenance unknown(List<DataReference> data) {
    return new Provenance(
        UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, Optional.empty(), data);
  }

  /** This program on this machine, now, with {@code data}. */
  public static Provenance current(String kernels, List<DataReference> data) {
    String backend;
    try {
      backend = Backend.load();
    } catch (Backend.BackendUnavailableException e) {
      backend = "unavailable";
    }
    return new Provenance(
        AppVersion.VALUE,
        Runtime.version() + " (" + System.getProperty("java.vm.name", UNKNOWN) + ")",
        System.getProperty("os.name", UNKNOWN) + " " + System.getProperty("os.version", ""),
        System.getProperty("os.arch", UNKNOWN),
        backend,
        kernels,
        Optional.of(Instant.now().truncatedTo(ChronoUnit.SECONDS)),
        data);
  }

  /** The reference to the data used as {@code role}, if recorded. */
  public Optional<DataReference> data(DataReference.Role role) {
    return data.stream().filter(d -> d.role() == role).findFirst();
  }

  /** Whether both the training and the test data are recorded with their counts and hashes. */
  public boolean recordsAllData() {
    return data(DataReference.Role.TRAIN).filter(DataReference::isComplete).isPresent()
        && data(DataReference.Role.TEST).filter(DataReference::isComplete).isPresent();
  }

  /** The same provenance with other data. */
  public Provenance withData(List<DataReference> newData) {
    return new Provenance(appVersion, java, os, arch, backend, kernels, created, newData);
  }

  /**
   * For people: labelled lines in a fixed order ("written by", "Java", "system", "computed by",
   * "trained on", "tested on"), "unknown" where the file did not say.
   */
  public Map<String, String> describe() {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put(
        "written by",
        appVersion.equals(UNKNOWN)
            ? "unknown (an older model file that does not record its provenance)"
            : "Latent Explorer "
                + appVersion
                + created.map(t -> ", " + SHOWN_TIME.format(t)).orElse(""));
    lines.put("Java", java);
    lines.put("system", os.equals(UNKNOWN) && arch.equals(UNKNOWN) ? UNKNOWN : os + " " + arch);
    lines.put(
        "computed by",
        backend.equals(UNKNOWN) ? UNKNOWN : "ND4J " + backend + ", " + kernels + " kernels");
    lines.put("trained on", data(DataReference.Role.TRAIN).map(Object::toString).orElse(UNKNOWN));
    lines.put("tested on", data(DataReference.Role.TEST).map(Object::toString).orElse(UNKNOWN));
    return lines;
  }

  /** Read once from the build's version.properties. */
  private static final class AppVersion {
    static final String VALUE = read();

    private static String read() {
      try (InputStream in =
          Provenance.class.getResourceAsStream("/org/latentexplorer/model/version.properties")) {
        if (in == null) {
          return "development build";
        }
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        return v.isBlank() || v.startsWith("${") ? "development build" : v;
      } catch (IOException e) {
        return "development build";
      }
    }
  }
}
