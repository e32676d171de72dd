package cn.luohu.qpb.base.db;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Applies {@link ConflictRetry} to {@link RetryOnConflict} methods. The advice is the outermost of all
 * (before method security and the transaction): each attempt is a fresh call with a fresh transaction.
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
        ComposablePointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(RetryOnConflict.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(RetryOnConflict.class));
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, interceptor);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
