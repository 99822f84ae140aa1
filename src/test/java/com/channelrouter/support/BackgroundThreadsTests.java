package com.channelrouter.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundThreadsTests {

    @Test
    @EnabledOnOs(OS.LINUX)
    void backgroundWorkRunsAtLowerPriorityAndKnowsIt() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor(BackgroundThreads.factory("test-background"));
        try {
            assertThat(background.submit(BackgroundThreads::isCurrent).get()).isTrue();
            assertThat(background.submit(BackgroundThreadsTests::ownNice).get()).isEqualTo(ownNice() + BackgroundThreads.NICE);
            assertThat(background.submit(() -> Thread.currentThread().getName()).get()).isEqualTo("test-background");
        } finally {
            background.shutdownNow();
        }
        assertThat(BackgroundThreads.isCurrent()).isFalse();
    }

    /** Field 19 of /proc/thread-self/stat (after the parenthesised command name, which may hold spaces). */
    private static int ownNice() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
