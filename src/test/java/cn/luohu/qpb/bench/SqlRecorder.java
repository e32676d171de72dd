package cn.luohu.qpb.bench;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the jOOQ layer against plain JDBC: while recording (on this thread), every statement jOOQ runs is
 * kept with its SQL, its bind values and the time jOOQ took from building it to having fetched its result;
 * {@link #replay} then runs the very same statements through plain JDBC on one connection, reading every
 * column of every row. Only reads (SELECTs) are recorded and replayed.
 */
final class SqlRecorder implements ExecuteListener {

    /** One statement as jOOQ ran it. */
    record Statement(String sql, List<Object> bindings, long nanos) {
    }

    private static final ThreadLocal<List<Statement>> RECORDING = new ThreadLocal<>();
    private static final String STARTED = SqlRecorder.class.getName() + ".started";

    /** Runs the work and returns what jOOQ ran for it. */
    static List<Statement> record(Runnable work) {
        List<Statement> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return statements;
    }

    static long jooqNanos(List<Statement> statements) {
        return statements.stream().mapToLong(Statement::nanos).sum();
    }

    @Override
    public void start(ExecuteContext ctx) {
        if (RECORDING.get() != null) {
            ctx.data(STARTED, System.nanoTime());
        }
    }

    @Override
    public void end(ExecuteContext ctx) {
        List<Statement> statements = RECORDING.get();
        if (statements != null && ctx.data(STARTED) instanceof Long started && ctx.sql() != null
                && ctx.sql().stripLeading().regionMatches(true, 0, "select", 0, 6)) {
            statements.add(new Statement(ctx.sql(), ctx.query() == null ? List.of() : ctx.query().getBindValues(),
                    System.nanoTime() - started));
        }
    }

    /** The time plain JDBC takes to run the statements and read their results, on one connection. */
    static long replay(DataSource dataSource, List<Statement> statements) {
        try (Connection connection = dataSource.getConnection()) {
            long start = System.nanoTime();
            for (Statement statement : statements) {
                try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
                    for (int i = 0; i < statement.bindings().size(); i++) {
                        prepared.setObject(i + 1, statement.bindings().get(i));
                    }
                    try (ResultSet rows = prepared.executeQuery()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                rows.getObject(c);
                            }
                        }
                    }
                }
            }
            return System.nanoTime() - start;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
