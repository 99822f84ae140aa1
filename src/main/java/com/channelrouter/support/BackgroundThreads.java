package com.channelrouter.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads for work a user waits for but live traffic must not feel, such as compiling an uploaded
 * 10,000-row table. Each puts itself into Linux's SCHED_IDLE policy before it runs anything: it then runs on
 * CPU the routing requests leave, and a request thread that wakes takes the core from it at once (see
 * {@link ThreadScheduling}). Where {@code chrt} is missing it lowers its priority to nice {@value #NICE}
 * instead, and where neither works it runs at normal priority and a line is logged once.
 * <p>
 * While a task of a {@link #singleThread} executor runs, and after it until C2 has compiled what it left
 * (see {@link #resumeCompilerOnceDrained}), the JVM's optimising JIT compiler threads (C2) are
 * in SCHED_IDLE too. The work's code is cold whenever an upload comes (XML parsing, the rule builder), so C2
 * compiles hundreds of its methods during it: measured, three times the CPU of the work itself, all taken
 * from the requests at normal priority, whichever thread made the code hot. C1, whose compiles are quick,
 * keeps its priority. They are put back only where the process may do so ({@link ThreadScheduling#mayLeaveIdle()});
 * elsewhere C2 is left alone, since a compiler stuck at idle would starve the requests' own compiles under load.
 */
public final class BackgroundThreads {

    static final int NICE = 10;
    /** The kernel keeps 15 characters of a thread's name: "C2 CompilerThread0" is "C2 CompilerThre". */
    static final String OPTIMISING_COMPILER = "C2 CompilerThre";
    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);
    private static final AtomicBoolean warned = new AtomicBoolean();
    private static final Object compilerLock = new Object();
    /** How long C2 may stay at idle priority after a task, compiling what it left, before it is put back regardless. */
    static final Duration DRAIN_AT_MOST = Duration.ofMinutes(2);
    private static final ScheduledExecutorService drainWatch = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "jit-drain-watch");
        thread.setDaemon(true);
        return thread;
    });
    /** Tasks running with the compiler at idle priority; guarded by compilerLock. */
    private static int quietTasks;
    private static Boolean compilerMayReturn;

    private BackgroundThreads() {
    }

    /** A thread that runs at idle priority; see {@link #isCurrent()}. */
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

    /** One such thread, taking tasks in turn; the JIT's C2 threads are at idle priority while a task runs. */
    public static ExecutorService singleThread(String name) {
        return singleThread(name, DRAIN_AT_MOST);
    }

    /** As {@link #singleThread(String)}, with C2 put back at most {@code drainAtMost} after a task. */
    static ExecutorService singleThread(String name, Duration drainAtMost) {
        return new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory(name)) {
            @Override
            protected void beforeExecute(Thread thread, Runnable task) {
                quietCompiler();
            }

            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                resumeCompilerOnceDrained(drainAtMost);
            }
        };
    }

    /** Whether the calling thread is one of these (work on it should stay on it rather than fan out to other threads). */
    public static boolean isCurrent() {
        return Thread.currentThread() instanceof BackgroundThread;
    }

    private static void lowerOwnPriority() {
        try {
            String threadId = ThreadScheduling.currentThreadId();
            if (!ThreadScheduling.toIdle(threadId) && !ThreadScheduling.renice(threadId, NICE)) {
                warnOnce("neither chrt nor renice succeeded");
            }
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        }
    }

    /** Tasks that keep C2 at idle priority now: running, or whose queue C2 is still draining. */
    static int quietTasks() {
        synchronized (compilerLock) {
            return quietTasks;
        }
    }

    static void quietCompiler() {
        synchronized (compilerLock) {
            if (quietTasks++ == 0 && compilerMayReturn()) {
                ThreadScheduling.threadIdsNamed(OPTIMISING_COMPILER).forEach(ThreadScheduling::toIdle);
            }
        }
    }

    /**
     * Returns C2 to normal priority once it has compiled what the task left it, or after {@code atMost} at the latest.
     * The methods the task made hot wait in C2's queue (the JVM drops only tasks of little-used methods); put
     * back at once, C2 would compile them at normal priority right after the swap, which moved the spike there
     * instead of removing it (measured: 1.98× the normal p99 in the 20 s after a swap). A compiler thread with
     * nothing to compile sleeps on its queue; one with work is runnable, even while it gets no CPU.
     */
    static void resumeCompilerOnceDrained(Duration atMost) {
        synchronized (compilerLock) {
            if (!compilerMayReturn()) { // C2 was never moved: nothing to wait for, only the task to count out
                resumeCompiler();
                return;
            }
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        drainWatch.execute(new Runnable() {
            private int idleSamples;

            @Override
            public void run() {
                boolean compiling = ThreadScheduling.threadIdsNamed(OPTIMISING_COMPILER).stream().anyMatch(ThreadScheduling::isRunnable);
                idleSamples = compiling ? 0 : idleSamples + 1;
                if (idleSamples >= 3 || System.nanoTime() > deadline) {
                    resumeCompiler();
                } else {
                    drainWatch.schedule(this, 200, TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    static void resumeCompiler() {
        synchronized (compilerLock) {
            // all of them, by name again: the JVM may have started another compiler thread meanwhile
            if (--quietTasks == 0 && compilerMayReturn()) {
                for (String threadId : ThreadScheduling.threadIdsNamed(OPTIMISING_COMPILER)) {
                    if (!ThreadScheduling.toNormal(threadId)
                            && ThreadScheduling.policy(threadId).orElse(-1) == ThreadScheduling.SCHED_IDLE) {
                        log.warn("Could not return JIT compiler thread {} to normal priority", threadId);
                    }
                }
            }
        }
    }

    private static boolean compilerMayReturn() {
        if (compilerMayReturn == null) {
            compilerMayReturn = ThreadScheduling.mayLeaveIdle();
            if (!compilerMayReturn) {
                log.info("The JIT compiler keeps its priority during table compiles here (no CAP_SYS_NICE, RLIMIT_NICE below 20): "
                        + "under full load a big upload slows requests more");
            }
        }
        return compilerMayReturn;
    }

    private static void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            log.info("Background work (table compiles) runs at normal CPU priority here ({}): under full load it slows requests more", why);
        }
    }
}
