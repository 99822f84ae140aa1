package com.channelrouter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Linux CPU scheduling of this process's own threads, which Java has no API for: a thread is named by its
 * id under {@code /proc/self/task}, and its policy or nice value is set with {@code chrt} or {@code renice}
 * from util-linux.
 * <p>
 * SCHED_IDLE is what work live traffic must not feel wants: such a thread runs only on CPU no ordinary thread
 * wants, and an ordinary thread that wakes (a request whose bytes arrived) takes the core from it at once,
 * where a thread at nice 10 keeps it until its slice ends. Any process may put its own threads into SCHED_IDLE;
 * taking one back out needs CAP_SYS_NICE or an RLIMIT_NICE of 20 ({@link #mayLeaveIdle()}).
 */
final class ThreadScheduling {

    /** The policy numbers of sched(7), as /proc/<pid>/task/<tid>/stat shows them. */
    static final int SCHED_OTHER = 0;
    static final int SCHED_IDLE = 5;
    private static final int CAP_SYS_NICE = 23;
    private static final Path OWN_TASKS = Path.of("/proc/self/task");

    private ThreadScheduling() {
    }

    /** The calling thread's id as the scheduler knows it: /proc/thread-self links to /proc/<pid>/task/<tid>. */
    static String currentThreadId() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }

    /** The ids of this process's threads whose name (as the kernel keeps it: 15 characters) starts with the prefix. */
    static List<String> threadIdsNamed(String prefix) {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(OWN_TASKS)) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).strip().startsWith(prefix)) {
                        ids.add(task.getFileName().toString());
                    }
                } catch (IOException ended) {
                    // the thread ended while the list was read
                }
            }
        } catch (IOException | UncheckedIOException noProc) {
            return List.of();
        }
        return ids;
    }

    static boolean toIdle(String threadId) {
        return run("chrt", "--idle", "-p", "0", threadId);
    }

    static boolean toNormal(String threadId) {
        return run("chrt", "--other", "-p", "0", threadId);
    }

    static boolean renice(String threadId, int nice) {
        return run("renice", "-n", Integer.toString(nice), "-p", threadId);
    }

    /** Whether the thread runs or waits for a core (state R, field 3 of its stat), rather than sleeping or waiting for something else. */
    static boolean isRunnable(String threadId) {
        return statField(threadId, 3).map("R"::equals).orElse(false);
    }

    /** The thread's scheduling policy (field 41 of its stat), if it still runs. */
    static OptionalInt policy(String threadId) {
        try {
            return statField(threadId, 41).map(Integer::parseInt).map(OptionalInt::of).orElse(OptionalInt.empty());
        } catch (NumberFormatException unexpected) {
            return OptionalInt.empty();
        }
    }

    /**
     * Whether this process may take a thread back out of SCHED_IDLE: with CAP_SYS_NICE (root, or granted), or
     * a soft RLIMIT_NICE of 20, which allows nice 0 again. Threads that must come back are only sent there then.
     */
    static boolean mayLeaveIdle() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:") && (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << CAP_SYS_NICE)) != 0) {
                    return true;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max nice priority")) {
                    String soft = line.substring("Max nice priority".length()).strip().split("\\s+")[0];
                    return "unlimited".equals(soft) || Integer.parseInt(soft) >= 20;
                }
            }
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
        return false;
    }

    /** A field of /proc/self/task/<tid>/stat, counted as proc(5) counts them (after the name, which may hold spaces). */
    private static Optional<String> statField(String threadId, int field) {
        try {
            String stat = Files.readString(OWN_TASKS.resolve(threadId).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(fields[field - 3]);
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException missing) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
