package com.channelrouter.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads for work a user waits for but live traffic must not feel, such as compiling an uploaded
 * 10,000-row table: each lowers its own CPU priority (nice {@value #NICE}) before it runs anything, so
 * that when both cores are busy the scheduler gives the routing requests most of them and the
 * background work what is left. Java has no per-thread priority on Linux (Thread.setPriority is ignored
 * unless the JVM runs as root with ThreadPriorityPolicy=1), but Linux lets any process lower the
 * priority of its own threads: this runs {@code renice} on the thread's id. Where that is not possible
 * (not Linux, no renice), the work runs at normal priority and a line is logged once.
 */
public final class BackgroundThreads {

    static final int NICE = 10;
    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);
    private static final AtomicBoolean warned = new AtomicBoolean();

    private BackgroundThreads() {
    }

    /** A thread that runs at lowered priority; see {@link #isCurrent()}. */
    private static final class BackgroundThread extends Thread {
        BackgroundThread(Runnable work, String name) {
            super(work, name);
        }
    }

    /** Daemon threads named {@code name}, with the application's class loader, each lowering its priority first. */
    public static ThreadFactory factory(String name) {
        ClassLoader application = BackgroundThreads.class.getClassLoader();
        return work -> {
            Thread thread = new BackgroundThread(() -> {
                lowerOwnPriority();
                work.run();
            }, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        };
    }

    /** Whether the calling thread is one of these (work on it should stay on it rather than fan out to other threads). */
    public static boolean isCurrent() {
        return Thread.currentThread() instanceof BackgroundThread;
    }

    private static void lowerOwnPriority() {
        try {
            // /proc/thread-self links to /proc/<pid>/task/<tid>: the id the scheduler knows this thread by
            String threadId = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", threadId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                renice.destroy();
                warnOnce("renice did not succeed");
            }
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            log.info("Background work (table compiles) runs at normal CPU priority here ({}): under full load it slows requests more", why);
        }
    }
}
