package com.channelrouter.tables;

import java.time.Instant;
import java.util.List;

/**
 * A decision-table version as table owners see it in the list: who uploaded it and when, whether it can
 * be published, whether it is live, and who published or rolled back to it, when and why.
 */
public record TableVersion(String version, String origin, String uploadedBy, Instant uploadedAt, String uploadedFile,
                           String basedOn, String comment, boolean publishable, boolean live, List<Publication> publications) {

    /** One time this version was made live. */
    public record Publication(String action, String by, Instant at, String comment) {
    }
}
