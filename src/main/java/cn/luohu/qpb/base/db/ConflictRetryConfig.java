package cn.luohu.qpb.base.db;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.aop.support.annotation.AnnotationClassFilter;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

import java.lang.reflect.Method;

/**
 * Applies {@link ConflictRetry} to {@link RetryOnConflict} methods. The advice is the outermost of all
 * (before method security and the transaction): each attempt is a fresh call with a fresh transaction.
 * On an annotated class it leaves out the methods that run read-only: a read loses no race, and running
 * one again would only repeat what it already wrote to a stream (an export).
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetryConfig {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ConflictRetry conflictRetry() {
        return new ConflictRetry();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor conflictRetryAdvisor(ConflictRetry retry) {
        // a clone of the invocation per attempt: one that has proceeded once cannot proceed again
        MethodInterceptor interceptor = invocation -> retry.call(
                invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName(),
                () -> ((ProxyMethodInvocation) invocation).invocableClone().proceed());
        ComposablePointcut pointcut = new ComposablePointcut(new AnnotationClassFilter(RetryOnConflict.class, true),
                new NotReadOnly(new AnnotationTransactionAttributeSource()))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(RetryOnConflict.class));
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, interceptor);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    /** The methods whose {@code @Transactional} (their own or their class's) is not read-only. */
    static final class NotReadOnly extends StaticMethodMatcher {

        private final TransactionAttributeSource transactions;

        NotReadOnly(TransactionAttributeSource transactions) {
            this.transactions = transactions;
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            TransactionAttribute transaction = transactions.getTransactionAttribute(method, targetClass);
            return transaction == null || !transaction.isReadOnly();
        }
    }
}
