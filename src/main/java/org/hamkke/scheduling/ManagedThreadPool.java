package org.hamkke.scheduling;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.hamkke.identity.Callers;
import org.quartz.spi.ThreadPool;

/**
 * Quartz's worker threads, made by the container's managed thread factory. Quartz's own pool makes
 * plain threads, on which jobs could not use transactions, JNDI or CDI the way request threads do;
 * these carry the application's context.
 */
public final class ManagedThreadPool implements ThreadPool {

    private final ManagedThreadFactory threads;
    private final int size;
    private final Semaphore free;
    private ExecutorService executor;

    public ManagedThreadPool(ManagedThreadFactory threads, int size) {
        this.threads = threads;
        this.size = size;
        this.free = new Semaphore(size);
    }

    @Override
    public void initialize() {
        executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    }

    /** Quartz only hands over a job after {@link #blockForAvailableThreads} said a thread is free. */
    @Override
    public boolean runInThread(Runnable runnable) {
        if (executor == null || executor.isShutdown()) {
            return false;
        }
        free.acquireUninterruptibly();
        try {
            executor.execute(() -> {
                try {
                    // Jobs and their listeners are the portal's own work: no person behind them.
                    Callers.asPortal("scheduler", runnable);
                } finally {
                    free.release();
                }
            });
            return true;
        } catch (RuntimeException rejected) {
            free.release();
            return false;
        }
    }

    @Override
    public int blockForAvailableThreads() {
        try {
            free.acquire();
            free.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return free.availablePermits();
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        if (executor == null) {
            return;
        }
        if (waitForJobsToComplete) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            executor.shutdownNow();
        }
    }

    @Override
    public int getPoolSize() {
        return size;
    }

    @Override
    public void setInstanceId(String schedInstId) {}

    @Override
    public void setInstanceName(String schedName) {}
}
