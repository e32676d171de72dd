package cn.luohu.qpb.base.db;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached (down, restarting, network gone), as opposed to a
 * fault of the request: the user is told to try again shortly, and the pool reconnects by itself once it is back.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException) {
                return true;
            }
        }
        return false;
    }
}
