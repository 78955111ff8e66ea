package bbva.cli;

import bbva.AnalysisException;
import bbva.Param;
import bbva.app.AnalysisRequest;
import bbva.app.Analyses;
import bbva.detect.DetectorChoice;
import bbva.detect.DetectorFactory;
import bbva.embedded.EmbeddedRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Starts an analysis, or continues the unfinished one of the same video with the same parameters. */
@Command(name = "analyze", description = "Detect players in a video, checkpointing every batch of frames.",
        modelTransformer = AnalyzeCommand.JobParameterOptions.class)
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO", description = "The video file (.mp4, .avi, .mkv ...).")
    Path video;
    @Mixin
    ProgressOptions progress;
    @Mixin
    DataDirOption data;
    @Spec
    CommandSpec spec;
    @Option(names = "--no-teams", description = "Do not tell teams apart (the same as --teams 0).")
    boolean noTeams;

    /** One option per job parameter that has one ({@link Param#option}): the parameters define the options. */
    public static final class JobParameterOptions implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (Param<?> k : Param.ALL) {
                if (k.option == null) {
                    continue;
                }
                OptionSpec.Builder option = OptionSpec.builder(k.option).description(k.description);
                spec.addOption(k.flag() ? option.type(boolean.class).arity("0").build()
                        : option.type(String.class).paramLabel(k.label).build());
            }
            return spec;
        }
    }

    @Override
    public Integer call() throws Exception {
        AnalysisRequest request = AnalysisRequest.of(video.toString(), options(), CliPlaces.INSTANCE);
        String path = request.params().video().toString();
        if (request.params().usesBuiltInDetector() && request.params().detector() == DetectorChoice.AUTO) {
            System.err.println(DetectorFactory.BUILT_IN_NOTICE);
        }
        try (EmbeddedRuntime runtime = Session.forJobs(data.resolve(), "analyze", path)) {
            Analyses analyses = new Analyses(runtime.jobs());
            Optional<JobExecution> previous = analyses.latestOf(path);
            JobWatcher watcher = new JobWatcher(runtime, path, progress.weights(), progress.show());
            if (previous.isPresent() && !request.params().replace()) {
                JobExecution e = previous.get();
                if (e.getBatchStatus() == BatchStatus.COMPLETED) {
                    System.out.println(path + " is already analyzed (execution " + e.getExecutionId()
                            + "). See it with bbva status / bbva export, or analyze again with --fresh.");
                    return ExitCodes.OK;
                }
                if (Analyses.unfinished(e)) {
                    if (!request.sameResultsAs(e.getJobParameters())) {
                        System.err.println("An unfinished analysis of " + path + " (execution " + e.getExecutionId()
                                + ") used other parameters. Finish it with: bbva resume " + path
                                + "  or start over with: bbva analyze --fresh ...");
                        return ExitCodes.BAD_INPUT;
                    }
                    System.out.println("Resuming the unfinished analysis of " + path + " (execution "
                            + e.getExecutionId() + ", " + e.getBatchStatus() + ").");
                    return watcher.watch(runtime.jobs().restart(e.getExecutionId(), null));
                }
            }
            return watcher.watch(analyses.start(request));
        }
    }

    /** The job-parameter options given on the command line, by parameter name. */
    private Map<String, String> options() {
        Map<String, String> given = new LinkedHashMap<>();
        for (Param<?> k : Param.ALL) {
            if (k.option == null) {
                continue;
            }
            Object value = spec.findOption(k.option).getValue();
            if (k.flag() && Boolean.TRUE.equals(value)) {
                given.put(k.id, k.flagText());
            } else if (!k.flag() && value != null) {
                given.put(k.id, value.toString());
            }
        }
        if (noTeams) {
            if (given.containsKey(Param.TEAMS.id) && !"0".equals(given.get(Param.TEAMS.id))) {
                throw new AnalysisException("--no-teams and --teams " + given.get(Param.TEAMS.id)
                        + " contradict each other: give one of them.");
            }
            given.put(Param.TEAMS.id, "0");
        }
        return given;
    }
}
