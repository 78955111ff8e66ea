package bbva;

/**
 * Whether a job execution is running right now, as the runtime knows it. The job asks before it
 * takes over a video, so that two analyses of one file never write its rows at the same time.
 */
@FunctionalInterface
public interface RunningExecutions {
    boolean running(long executionId);
}
