package bbva.store;

import bbva.RunningExecutions;

/**
 * The job execution that wants a video's rows: its instance (the analysis) and execution, whether it
 * may replace another analysis's results, and what runs besides it.
 */
public record JobOwner(long instance, long execution, boolean replace, RunningExecutions running) {
}
