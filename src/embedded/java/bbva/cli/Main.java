package bbva.cli;

import bbva.AnalysisException;
import bbva.store.ConnectionLoss;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "bbva", mixinStandardHelpOptions = true, version = "bbva 0.1.0",
        description = "Basketball video analyzer: detect players in a video, resumably.",
        subcommands = {AnalyzeCommand.class, ResumeCommand.class, RestartCommand.class, StatusCommand.class,
                ListCommand.class, ExportCommand.class, RenderCommand.class, SnapshotCommand.class,
                PlayersCommand.class, ReadNumberCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // the CLI closes what it opened; Weld's own hook would only print a shutdown notice
        System.setProperty("org.jboss.weld.se.shutdownHook", "false");
        // a batch thread's failure is the job's (its status and reason are printed); the trace goes to bbva.log
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                Logger.getLogger("bbva").log(Level.SEVERE, "uncaught in thread " + thread.getName(), e));
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof AnalysisException) {
                cmd.getErr().println("error: " + e.getMessage());
                return e instanceof BusyException ? ExitCodes.BUSY : ExitCodes.BAD_INPUT;
            }
            if (ConnectionLoss.causes(e)) {
                cmd.getErr().println("error: cannot reach the database (" + ConnectionLoss.reason(e) + "). Check that it "
                        + "runs; nothing it stored is lost.");
                return ExitCodes.JOB_FAILED;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
