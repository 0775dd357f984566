package org.hamkke.devstack;

import java.util.concurrent.TimeUnit;

/** Stopping a child server politely (SIGTERM), then firmly, with its children. */
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
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
