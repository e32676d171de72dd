package cn.luohu.qpb.base;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs long work (a large import, the opening of a cycle) off the request thread, so the screen can show
 * progress. The caller's security context travels with the work, so method security checks the caller
 * there as usual. Two threads: the machine has few cores, and such work is rare.
 */
@Component
public class BackgroundJobs implements DisposableBean {

    private final ExecutorService pool;

    BackgroundJobs() {
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(2, work -> {
            Thread thread = new Thread(work, "background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the work as the current user; the future completes with its result or its exception. */
    public <T> CompletableFuture<T> start(Supplier<T> work) {
        // a copy of the caller's context as it is now (a later login or logout of the caller changes nothing)
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        Executor asCaller = new DelegatingSecurityContextExecutor(pool, context);
        return CompletableFuture.supplyAsync(work, asCaller);
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
