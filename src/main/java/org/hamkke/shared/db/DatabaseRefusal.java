package org.hamkke.shared.db;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL refusing a write by one of the schema's own rules (a check, an exclusion
 * or a unique index), wherever EclipseLink and the transaction manager wrapped the driver's
 * exception: services turn that into the same message the Java rule would have given, for the
 * race the Java rule could not see.
 */
public final class DatabaseRefusal {

    private DatabaseRefusal() {}

    /** Whether the failure, or any cause of it, is the database refusing by the named constraint or index. */
    public static boolean by(Throwable failure, String constraint) {
        String quoted = "\"" + constraint + "\"";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql.getNextException(); e != null; e = e.getNextException()) {
                    if (e.getMessage() != null && e.getMessage().contains(quoted)) {
                        return true;
                    }
                }
            }
            if (t.getMessage() != null && t.getMessage().contains(quoted)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure, or any cause of it, carries the SQLSTATE (e.g. "23P01", an exclusion constraint). */
    public static boolean withState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (sqlState.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
