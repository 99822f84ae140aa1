package com.channelrouter.support;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** New ids: time-ordered UUIDs (version 7), so new rows land at the end of primary-key indexes. */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
