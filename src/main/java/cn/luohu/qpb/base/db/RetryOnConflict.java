package cn.luohu.qpb.base.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated method (or every method of the annotated class), when it starts the transaction, runs again
 * as a whole if that transaction loses a deadlock or a Galera certification conflict. See {@link ConflictRetry}.
 * Put it next to {@code @Transactional} on services whose writes can race with others.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RetryOnConflict {
}
