package bbva.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * In distributed mode a partition runs on an executor; if that executor dies, Liberty's job repository
 * keeps the partition STARTED until the same server starts again, and refuses to restart the job
 * ("partition N is still in a non-final state"). Once the job itself has ended (stopped or failed), no
 * live server runs its partitions any more, so those still unfinished are orphans: they are marked
 * FAILED, and the restart runs them again from their checkpoints on the executors that are up.
 */
final class OrphanedPartitions {
    private static final String TABLE = "WLPSTEPTHREADEXECUTION";
    // jakarta.batch.runtime.BatchStatus ordinals, as Liberty stores them: STARTING, STARTED, STOPPING; FAILED
    private static final String UNFINISHED = "0, 1, 2";
    private static final int FAILED = 4;

    private OrphanedPartitions() {
    }

    /** Marks the unfinished partitions of an ended execution failed; returns how many there were. */
    static int release(DataSource jobRepository, long executionId) throws SQLException {
        try (Connection c = jobRepository.getConnection()) {
            String table = qualified(c);
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET BATCHSTATUS = " + FAILED
                    + ", ENDTIME = CURRENT_TIMESTAMP WHERE FK_JOBEXECID = ? AND PARTNUM >= 0 AND BATCHSTATUS IN (" + UNFINISHED + ")")) {
                s.setLong(1, executionId);
                return s.executeUpdate();
            }
        }
    }

    /** The table in whichever schema the databaseStore put it (BATCH on Derby, public on PostgreSQL). */
    private static String qualified(Connection c) throws SQLException {
        for (String name : new String[] {TABLE, TABLE.toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet r = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return r.getString("TABLE_SCHEM") + "." + name;
                }
            }
        }
        throw new SQLException("Liberty's job repository table " + TABLE + " was not found");
    }
}
