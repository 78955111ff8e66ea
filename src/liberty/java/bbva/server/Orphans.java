package bbva.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Work Liberty's job repository shows as running although no live server runs it, set right so that
 * bbva's restart can continue it from its checkpoints.
 *
 * <ul>
 * <li>Partitions: in distributed mode a partition runs on an executor; if that executor dies, the
 * repository keeps the partition STARTED until the same server starts again, and Liberty refuses to
 * restart the job ("partition N is still in a non-final state"). Once the job itself has ended, its
 * unfinished partitions are orphans.</li>
 * <li>An execution: when the database is lost mid-run, the server ends the job but cannot record
 * that, so the repository keeps it STARTED after the database is back, and Liberty's stop answers
 * that it is not running. Such an execution is marked FAILED with a reason that says so.</li>
 * </ul>
 */
final class Orphans {
    private static final String EXECUTIONS = "WLPJOBEXECUTION";
    private static final String INSTANCES = "WLPJOBINSTANCE";
    private static final String STEP_THREADS = "WLPSTEPTHREADEXECUTION";
    // jakarta.batch.runtime.BatchStatus ordinals, as Liberty stores them: STARTING, STARTED, STOPPING; FAILED
    private static final String UNFINISHED = "0, 1, 2";
    private static final int FAILED = 4;
    /** Liberty's InstanceState FAILED (after SUBMITTED, JMS_QUEUED, JMS_CONSUMED, DISPATCHED). */
    private static final int INSTANCE_FAILED = 4;

    private Orphans() {
    }

    /** Marks the unfinished partitions of an ended execution failed; returns how many there were. */
    static int releasePartitions(DataSource jobRepository, long executionId) throws SQLException {
        try (Connection c = jobRepository.getConnection()) {
            return update(c, "UPDATE " + qualified(c, STEP_THREADS) + " SET BATCHSTATUS = " + FAILED + ", ENDTIME = CURRENT_TIMESTAMP"
                    + " WHERE FK_JOBEXECID = ? AND PARTNUM >= 0 AND BATCHSTATUS IN (" + UNFINISHED + ")", executionId);
        }
    }

    /**
     * Marks an execution this server ran, which the repository keeps unfinished although this server
     * no longer runs it, FAILED with the given exit status, with its instance and unfinished steps.
     * False when the repository names another server, which may still be running it.
     */
    static boolean failExecution(DataSource jobRepository, long executionId, String serverName, String exitStatus) throws SQLException {
        try (Connection c = jobRepository.getConnection()) {
            String executions = qualified(c, EXECUTIONS);
            c.setAutoCommit(false);
            try {
                String server;
                try (PreparedStatement s = c.prepareStatement("SELECT SERVERID FROM " + executions + " WHERE JOBEXECID = ?")) {
                    s.setLong(1, executionId);
                    try (ResultSet r = s.executeQuery()) {
                        server = r.next() ? r.getString(1) : null;
                    }
                }
                // Liberty's server id is host/user-dir/server-name
                if (server == null || !server.endsWith("/" + serverName)) {
                    c.rollback();
                    return false;
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE " + qualified(c, INSTANCES) + " SET BATCHSTATUS = " + FAILED
                        + ", INSTANCESTATE = " + INSTANCE_FAILED + ", EXITSTATUS = ?, UPDATETIME = CURRENT_TIMESTAMP WHERE JOBINSTANCEID = "
                        + "(SELECT FK_JOBINSTANCEID FROM " + executions + " WHERE JOBEXECID = ?) AND BATCHSTATUS IN (" + UNFINISHED + ")")) {
                    s.setString(1, exitStatus);
                    s.setLong(2, executionId);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE " + executions + " SET BATCHSTATUS = " + FAILED
                        + ", EXITSTATUS = ?, ENDTIME = CURRENT_TIMESTAMP, UPDATETIME = CURRENT_TIMESTAMP"
                        + " WHERE JOBEXECID = ? AND BATCHSTATUS IN (" + UNFINISHED + ")")) {
                    s.setString(1, exitStatus);
                    s.setLong(2, executionId);
                    s.executeUpdate();
                }
                update(c, "UPDATE " + qualified(c, STEP_THREADS) + " SET BATCHSTATUS = " + FAILED + ", ENDTIME = CURRENT_TIMESTAMP"
                        + " WHERE FK_JOBEXECID = ? AND BATCHSTATUS IN (" + UNFINISHED + ")", executionId);
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static int update(Connection c, String sql, long executionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, executionId);
            return s.executeUpdate();
        }
    }

    /** A table in whichever schema the databaseStore put it (BATCH on Derby, public on PostgreSQL). */
    private static String qualified(Connection c, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet r = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return r.getString("TABLE_SCHEM") + "." + name;
                }
            }
        }
        throw new SQLException("Liberty's job repository table " + table + " was not found");
    }
}
