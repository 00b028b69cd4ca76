package vn.ktgs.kit.inbox;

import javax.sql.DataSource;
import java.sql.Connection;

/** Runs work in a new database transaction and hands it the transaction's connection. */
@FunctionalInterface
public interface TransactionRunner {
    void inTransaction(Work work) throws Exception;

    @FunctionalInterface
    interface Work {
        void run(Connection tx) throws Exception;
    }

    /** Plain JDBC transactions, for code that runs outside a JTA container. */
    static TransactionRunner jdbc(DataSource dataSource) {
        return work -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    work.run(c);
                    c.commit();
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                }
            }
        };
    }
}
