package com.channelrouter.routing;

import java.util.concurrent.ThreadFactory;

/**
 * Daemon threads that decide routings outside a request thread (group writers, batch storage workers).
 * They carry the application's class loader: Drools must first evaluate a rule base with it, or inside the
 * executable jar its MVEL constraints fail to initialise for good.
 */
final class DecidingThreads {

    private DecidingThreads() {
    }

    static ThreadFactory named(String name) {
        ClassLoader application = DecidingThreads.class.getClassLoader();
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(application);
            return thread;
        };
    }
}
