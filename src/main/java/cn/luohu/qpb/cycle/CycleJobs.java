package cn.luohu.qpb.cycle;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs the opening of a cycle off the request thread, so the screen can show its progress (the approach of
 * the import's {@code ImportJobs}). The caller's security context travels with the work, so method
 * security checks the caller there as usual. One thread: a cycle is opened once a year.
 */
@Component
public class CycleJobs implements DisposableBean {

    private final ExecutorService pool = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "cycle-open");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts the work as the current user; the future completes with its result or its exception. */
    public <T> CompletableFuture<T> start(Supplier<T> work) {
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
