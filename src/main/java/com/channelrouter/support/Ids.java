package com.channelrouter.support;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** New ids: time-ordered UUIDs (version 7), so new rows land at the end of primary-key indexes. */
public final class Ids {

    /**
     * A DRBG seeded once: the default (NativePRNG) reads /dev/urandom under a global lock on every call, and
     * under load request threads were seen queued behind it in thread dumps of the /routings load test.
     */
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator(drbg());

    private Ids() {
    }

    public static String next() {
        return GENERATOR.generate().toString();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
