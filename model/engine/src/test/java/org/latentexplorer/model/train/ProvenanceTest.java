package org.latentexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentexplorer.model.data.DataReference;
import org.latentexplorer.model.data.Dataset;
import org.latentexplorer.model.vae.ModelConfig;
import org.latentexplorer.model.vae.ModelFamily;

/** The provenance a trainer gives the states it saves. */
class ProvenanceTest {
  private static Dataset.Split data(String name, float shift) {
    float[] pixels = new float[60 * 16];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i * 7 % 16) / 16f * (1 - shift) + shift;
    }
    return new Dataset(name, 4, 4, pixels, null, List.of()).split(0.25, 1);
  }

  private static final ModelConfig CONFIG =
      ModelConfig.defaults(ModelFamily.VAE, 4, 4).withHidden(List.of(8));

  @Test
  void aStateRecordsThisMachineNowAndItsTrainingAndTestImages() {
    Dataset.Split split = data("squares", 0);
    Trainer t = new Trainer(CONFIG, TrainingConfig.defaults().withBatchSize(5), split);
    Instant before = Instant.now().minusSeconds(1);

    Provenance p = t.state().provenance();

    assertEquals(Runtime.version() + " (" + System.getProperty("java.vm.name") + ")", p.java());
    assertEquals(System.getProperty("os.arch"), p.arch());
    assertEquals(t.model().kernels().name(), p.kernels());
    assertTrue(p.backend().startsWith("CPU") || p.backend().startsWith("GPU"), p.backend());
    Instant created = p.created().orElseThrow();
    assertTrue(
        !created.isBefore(before) && created.isBefore(before.plus(Duration.ofMinutes(1))),
        created.toString());
    assertEquals(
        List.of(
            DataReference.of(split.train(), DataReference.Role.TRAIN),
            DataReference.of(split.test(), DataReference.Role.TEST)),
        p.data());
    assertEquals(45, p.data(DataReference.Role.TRAIN).orElseThrow().imageCount());
    assertTrue(p.recordsAllData());
  }

  @Test
  void aModelOpenedWithOtherImagesKeepsItsDataUntilItTrainsOnThem() throws DivergenceException {
    Trainer first =
        new Trainer(CONFIG, TrainingConfig.defaults().withBatchSize(5), data("squares", 0));
    first.step();
    TrainerState saved = first.state();
    Dataset.Split other = data("stripes", 0.5f);

    Trainer resumed = Trainer.resume(saved, other);
    assertEquals(
        saved.provenance().data(),
        resumed.state().provenance().data(),
        "opened and saved again, it was still trained on the first images only");

    resumed.step();
    List<DataReference> after = resumed.state().provenance().data();
    assertEquals("stripes", after.get(0).name());
    assertFalse(after.get(0).sameImagesAs(saved.provenance().data().get(0)));
  }

  @Test
  void anOldFilesUnknownProvenanceSaysSo() {
    var lines = Provenance.unknown(List.of()).describe();

    assertEquals(
        List.of("written by", "Java", "system", "computed by", "trained on", "tested on"),
        List.copyOf(lines.keySet()));
    assertTrue(lines.get("written by").startsWith("unknown"), lines.toString());
    assertEquals("unknown", lines.get("trained on"));
  }
}
