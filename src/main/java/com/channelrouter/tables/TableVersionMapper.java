package com.channelrouter.tables;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Mapper
interface TableVersionMapper {

    boolean exists(String versionId);

    void insertVersion(TableVersionRow version);

    void insertWorkbook(@Param("versionId") String versionId, @Param("fileName") String fileName,
                        @Param("content") byte[] content);

    Optional<TableVersionRow> findVersion(String versionId);

    List<TableVersionRow> findVersions(int limit);

    /** Publishable versions made since {@code since}, newest first: candidates likely to be published soon. */
    List<String> findRecentPublishable(@Param("since") Instant since, @Param("limit") int limit);

    List<WorkbookFile> findWorkbooks(String versionId);

    Optional<WorkbookFile> findWorkbook(@Param("versionId") String versionId, @Param("fileName") String fileName);

    void insertUpload(UploadRow upload);

    /** The version's last upload, if it was uploaded (not loaded at a start nor rebuilt by a publish). */
    Optional<UploadRow> findLastUpload(String versionId);

    void insertPublication(@Param("versionId") String versionId, @Param("action") String action,
                           @Param("actor") String actor, @Param("comment") String comment, @Param("at") Instant at);

    long lastPublicationId();

    List<PublicationRow> findPublications();

    /** The live version, locking its row until the transaction ends so publishes line up. */
    Optional<String> lockLive();

    Optional<String> findLive();

    Optional<PublicationRow> findLivePublication();

    void insertLive(@Param("versionId") String versionId, @Param("publicationId") long publicationId);

    void updateLive(@Param("versionId") String versionId, @Param("publicationId") long publicationId);
}
