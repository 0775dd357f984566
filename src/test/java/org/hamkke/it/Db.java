package org.hamkke.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/** Looks into the portal's database from a test, to check what a page alone cannot show. */
final class Db {

    private Db() {}

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestStack.jdbcUrl(), "postgres", "");
    }

    /** The first column of the first row, or null. */
    static Object value(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getObject(1) : null;
            }
        }
    }

    static String text(String sql, Object... params) throws SQLException {
        Object value = value(sql, params);
        return value == null ? null : value.toString();
    }

    /** Runs an insert, update or delete; how many rows it touched. */
    static int execute(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    static long count(String sql, Object... params) throws SQLException {
        return ((Number) value(sql, params)).longValue();
    }

    /** Polls until the condition holds or the time is up; returns whether it held. */
    static boolean eventually(java.time.Duration timeout, Check check) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(250);
        }
        return check.holds();
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    static Supplier<String> describe(String sql, Object... params) {
        return () -> {
            try {
                return String.valueOf(value(sql, params));
            } catch (SQLException e) {
                return e.toString();
            }
        };
    }
}
