package com.channelrouter.tables;

import java.time.Instant;

/** A stored decision-table version: where it came from, who made it, and whether it may be published. */
record TableVersionRow(String versionId, String contentHash, String origin, String createdBy, Instant createdAt,
                       String commentText, boolean publishable, String basedOn, String uploadedFile, String reportJson) {
}
