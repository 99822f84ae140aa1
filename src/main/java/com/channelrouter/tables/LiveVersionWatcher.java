package com.channelrouter.tables;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps this instance on the live version: every second it asks the database which version is live and,
 * if it is not the one served here, builds it off to the side and swaps it in. Runs on every instance.
 */
class LiveVersionWatcher {

    private static final Logger log = LoggerFactory.getLogger(LiveVersionWatcher.class);

    private final DecisionTableVersions versions;

    LiveVersionWatcher(DecisionTableVersions versions) {
        this.versions = versions;
    }

    @Scheduled(fixedDelayString = "${channel-router.tables.watch-interval:PT1S}")
    void follow() {
        try {
            versions.follow();
        } catch (RuntimeException e) {
            log.error("Decision tables: could not follow the live version; still serving the current one", e);
        }
    }
}
