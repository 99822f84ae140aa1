package com.channelrouter.tables;

import java.time.Instant;

/** One upload of a workbook: the version its set is, the version live when it was made, the file, who, when and why. */
record UploadRow(String versionId, String basedOn, String uploadedFile, String uploadedBy, Instant uploadedAt,
                 String commentText) {
}
