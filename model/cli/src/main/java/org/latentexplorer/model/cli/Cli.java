package org.latentexplorer.model.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.latentexplorer.model.failure.FailureMessage;
import org.latentexplorer.model.nn.Backend;
import org.latentexplorer.model.train.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The headless command line, {@code latent-explorer train | eval | sample | compare}, confined to
 * the thread that calls {@link #run}: one instance per invocation. Tools built on it (the
 * benchmark) add their own commands through {@link #main(String[], Object...)}.
 *
 * <p>Exit codes: 0 success, 1 a failure while running (unreadable data, a bad model file, a
 * diverged run), 2 bad usage. Every failure is reported as one line on standard error, {@code
 * latent-explorer: <message>}, never as a stack trace unless {@code --debug} is given.
 */
@Command(
    name = Cli.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Train variational autoencoders (VAE, AAE, WAE) and look at what they learned.",
    subcommands = {
      TrainCommand.class,
      EvalCommand.class,
      SampleCommand.class,
      CompareCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Cli implements Callable<Integer> {
  /** The program's name, the prefix of every error line. */
  public static final String NAME = "latent-explorer";

  /** Exit code of a failure while running. */
  public static final int EXIT_FAILURE = 1;

  /** Exit code of bad usage: unknown options, values out of range. */
  public static final int EXIT_USAGE = 2;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of failures (for bug reports).")
  boolean debug;

  private final Terminal terminal;

  Cli(Terminal terminal) {
    this.terminal = terminal;
  }

  /**
   * Where a command writes and what it may assume about the process. Immutable.
   *
   * @param progress whether to draw a progress bar on {@code err} (it is a terminal)
   * @param ownsProcess whether this is the program's own process, so that Ctrl-C may be handled
   */
  public record Terminal(PrintWriter out, PrintWriter err, boolean progress, boolean ownsProcess) {}

  /** Where the running command writes. */
  public Terminal terminal() {
    return terminal;
  }

  @Override
  public Integer call() {
    List<String> names = new ArrayList<>(spec.subcommands().keySet());
    names.remove("help");
    throw new ParameterException(
        spec.commandLine(),
        "choose a command: "
            + String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1));
  }

  /** The names of the commands, {@code help} included. */
  public static Set<String> commandNames() {
    return Set.copyOf(new CommandLine(new Cli(null)).getSubcommands().keySet());
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    main(args, new Object[0]);
  }

  /**
   * Runs the command line with extra commands (annotated picocli command objects) and exits with
   * its code.
   */
  public static void main(String[] args, Object... extraCommands) {
    silenceLoggingNotice();
    Charset cs = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
    int code = run(args, new Terminal(out, err, stderrIsTerminal(), true), extraCommands);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line without exiting: for tests and for embedding.
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Object... extraCommands) {
    return run(args, new Terminal(out, err, false, false), extraCommands);
  }

  static int run(String[] args, Terminal terminal, Object... extraCommands) {
    CommandLine cl = new CommandLine(new Cli(terminal));
    for (Object command : extraCommands) {
      cl.addSubcommand(command);
    }
    cl.setOut(terminal.out());
    cl.setErr(terminal.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(usageFailure());
    cl.setExecutionExceptionHandler(runFailure());
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands only exceptions to the handler above; an error passes through it.
      if (java.util.Arrays.asList(args).contains("--debug")) {
        e.printStackTrace(terminal.err());
      }
      terminal.err().println(NAME + ": " + describe(e));
      return EXIT_FAILURE;
    } finally {
      terminal.out().flush();
      terminal.err().flush();
    }
  }

  private static IParameterExceptionHandler usageFailure() {
    return (ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter err = cmd.getErr();
      if (debug(cmd.getParseResult())) {
        ex.printStackTrace(err);
      }
      err.println(
          NAME
              + ": "
              + FailureMessage.oneLine(ex.getMessage())
              + " (see '"
              + cmd.getCommandSpec().qualifiedName()
              + " --help')");
      return EXIT_USAGE;
    };
  }

  private static IExecutionExceptionHandler runFailure() {
    return (ex, cmd, parseResult) -> {
      PrintWriter err = cmd.getErr();
      if (debug(parseResult)) {
        ex.printStackTrace(err);
      }
      err.println(NAME + ": " + describe(ex));
      return EXIT_FAILURE;
    };
  }

  private static boolean debug(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** The one-line message for a failure: ours and the engine's are written for the user. */
  public static String describe(Throwable ex) {
    if (ex instanceof CliFailure
        || ex instanceof IOException
        || ex instanceof DivergenceException
        || ex instanceof Backend.BackendUnavailableException
        || ex instanceof IllegalArgumentException
        || ex instanceof IllegalStateException) {
      return FailureMessage.oneLine(ex);
    }
    if (ex instanceof OutOfMemoryError) {
      return "out of memory (the Java heap is "
          + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB): use less data or a smaller model, or give Java more with -Xmx";
    }
    return "unexpected "
        + ex.getClass().getSimpleName()
        + ": "
        + FailureMessage.oneLine(ex)
        + " (run with --debug for details)";
  }

  /**
   * Whether standard error is a terminal, so a carriage-return progress bar is readable there. Java
   * cannot ask isatty(2) directly: on Linux the descriptor's link names the device; elsewhere a
   * console means a terminal session.
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall through to the portable guess
    }
    return System.console() != null;
  }

  /**
   * ND4J logs through SLF4J, and no SLF4J binding ships with the engine: the first logger would
   * print a three-line notice on standard error, breaking the one-line error rule. Initialising
   * SLF4J while standard error points nowhere keeps the notice away; logging stays off.
   */
  private static void silenceLoggingNotice() {
    PrintStream saved = System.err;
    try {
      System.setErr(new PrintStream(OutputStream.nullOutputStream()));
      org.slf4j.LoggerFactory.getILoggerFactory();
    } catch (RuntimeException | LinkageError e) {
      // logging is not essential
    } finally {
      System.setErr(saved);
    }
  }

  /** The program's version: from the build (Maven run or jar manifest). Stateless. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = System.getProperty("latent-explorer.version");
      if (v == null) {
        v = Cli.class.getPackage().getImplementationVersion();
      }
      return new String[] {
        NAME + " " + (v == null ? "(development build)" : v),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
