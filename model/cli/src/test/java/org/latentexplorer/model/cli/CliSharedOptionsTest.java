package org.latentexplorer.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options several commands share are the same option in each: the same name, default and help,
 * and {@code train --resume} still refuses those the model file fixes.
 */
class CliSharedOptionsTest {
  /** Option, its default ("" for none) and the commands that have it. */
  private static final Map<String, List<String>> SHARED =
      Map.of(
          "--hidden", List.of("512", "train", "compare"),
          "--latent", List.of("2", "train", "compare"),
          "--seed", List.of("1", "train", "compare"),
          "--model", List.of("", "eval", "sample"),
          "--data", List.of("", "train", "eval", "compare"),
          "--split-seed", List.of("1", "train", "eval", "compare"));

  @ParameterizedTest
  @ValueSource(strings = {"--hidden", "--latent", "--seed", "--model", "--data", "--split-seed"})
  void aSharedOptionIsTheSameInEveryCommand(String name) {
    Map<String, CommandLine> commands = new CommandLine(new Cli(null)).getSubcommands();
    List<String> expected = SHARED.get(name);
    OptionSpec first = null;
    for (String command : expected.subList(1, expected.size())) {
      OptionSpec o = commands.get(command).getCommandSpec().findOption(name);
      assertEquals(
          expected.get(0), o.defaultValue() == null ? "" : o.defaultValue(), command + " " + name);
      if (first != null) {
        assertEquals(List.of(first.description()), List.of(o.description()), command + " " + name);
        assertEquals(first.paramLabel(), o.paramLabel(), command + " " + name);
      }
      first = o;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--hidden 8", "--latent 3", "--seed 3"})
  void optionsTheModelFileFixesAreRefusedWithResume(String option) {
    CliRun r = CliRun.of(("train --resume m.lex " + option).split(" "));
    assertEquals(Cli.EXIT_USAGE, r.code(), r::toString);
    CliTest.assertOneLineMessage(r);
    String name = option.split(" ")[0];
    assertTrue(r.err().contains(name + " cannot be combined with --resume"), r::toString);
  }
}
