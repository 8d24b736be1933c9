package dev.frameloop.core.dataset;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads a dataset the way a user would, with DuckDB over the Hive layout. */
final class DuckDb {
    private DuckDb() {
    }

    /** {@code read_parquet('DIR/*}{@code /event=<table>/*.parquet', hive_partitioning=true)} for an event type. */
    static String source(Path root, String table) {
        return "read_parquet('" + root + "/*/event=" + table + "/*.parquet', hive_partitioning=true)";
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Rows of every event type: {@code read_parquet('DIR/**}{@code /*.parquet', hive_partitioning=true, union_by_name=true)}. */
    static long countAll(Path root) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM read_parquet('" + root
                     + "/**/*.parquet', hive_partitioning=true, union_by_name=true)")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long count(Path root, String table) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + source(root, table))) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
