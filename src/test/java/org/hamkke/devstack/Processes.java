package org.hamkke.devstack;

import java.util.concurrent.TimeUnit;

/**
 * Stopping a child server politely (SIGTERM), then firmly, with its children. Polite takes up to
 * 45 s: the portal writes its ahead-of-time cache (or class-data-sharing archive) on its first stop.
 */
final class Processes {

    private Processes() {}

    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        var children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
