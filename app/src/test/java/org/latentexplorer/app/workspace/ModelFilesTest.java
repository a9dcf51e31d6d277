package org.latentexplorer.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.app.fx.TestThreadTasks;
import org.latentexplorer.model.io.ModelFile;

/** Opening, saving and restoring model files, as the File menu does them. */
class ModelFilesTest {
  @TempDir Path dir;

  private final TestThreadTasks tasks = new TestThreadTasks();
  private Workspace workspace;
  private Sessions sessions;
  private ModelFiles files;
  private LoadedData data;

  @BeforeEach
  void setUp() throws Exception {
    workspace =
        new Workspace(
            tasks, new Settings(dir.resolve("home"), false, false, Duration.ofMinutes(2)));
    sessions = new Sessions(workspace, new Autosave(workspace));
    files = new ModelFiles(workspace, sessions);
    data = TrainedRun.data(dir);
    workspace.setData(data);
  }

  @AfterEach
  void close() {
    sessions.dispose();
  }

  @Test
  void anOpenedModelGoesOnFromItsStepAndSaveWritesItsFile() throws Exception {
    Path file = TrainedRun.save(data, dir.resolve("trained.lex"));

    files.open(file);

    assertEquals(file, workspace.modelFileProperty().get());
    assertNotNull(workspace.provenanceProperty().get());
    assertEquals("Opened trained.lex: VAE, 2-D latent, 3 steps", workspace.noticeProperty().get());
    assertSame(data, workspace.data(), "the images it was trained on are kept");
    tasks.runUntil("the opened run's snapshot", () -> workspace.snapshot() != null);
    assertEquals(TrainedRun.STEPS, workspace.snapshot().progress().step());
    Files.delete(file);
    assertTrue(files.save(), "there is a file to save to");
    assertEquals(TrainedRun.STEPS, ModelFile.load(file).step());
  }

  @Test
  void saveAsAddsTheExtensionAndMakesTheFileTheCurrentOne() throws Exception {
    assertFalse(files.save(), "a run without a file asks for a name");
    files.open(TrainedRun.save(data, dir.resolve("trained.lex")));

    files.saveAs(dir.resolve("copy"));

    Path copy = dir.resolve("copy.lex");
    assertEquals(TrainedRun.STEPS, ModelFile.load(copy).step());
    assertEquals(copy, workspace.modelFileProperty().get());
    assertEquals("Saved " + copy, workspace.noticeProperty().get());
  }

  @Test
  void theRestoredAutosaveIsNotTheFileSaveWritesTo() throws Exception {
    assertFalse(files.hasAutosave());
    TrainedRun.save(data, workspace.settings().autosaveFile());
    assertTrue(files.hasAutosave());

    files.restoreAutosave();

    tasks.runUntil("the restored run's snapshot", () -> workspace.snapshot() != null);
    assertEquals(TrainedRun.STEPS, workspace.snapshot().progress().step());
    assertNull(workspace.modelFileProperty().get());
    assertFalse(files.save(), "Save asks for a name rather than overwrite the autosave");
  }
}
