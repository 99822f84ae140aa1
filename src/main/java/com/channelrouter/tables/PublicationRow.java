package com.channelrouter.tables;

import java.time.Instant;

/** One change of the live version: a start with new files, a publish or a rollback. */
record PublicationRow(long publicationId, String versionId, String publicationAction, String actor, String commentText,
                      Instant publishedAt) {

    static final String START = "START";
    static final String PUBLISH = "PUBLISH";
    static final String ROLLBACK = "ROLLBACK";
}
