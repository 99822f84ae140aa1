package com.channelrouter.tables;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;

@Mapper
interface TableVersionMapper {

    boolean exists(String versionId);

    void insertVersion(@Param("versionId") String versionId, @Param("contentHash") String contentHash,
                       @Param("origin") String origin, @Param("createdBy") String createdBy,
                       @Param("createdAt") Instant createdAt, @Param("comment") String comment);

    void insertWorkbook(@Param("versionId") String versionId, @Param("fileName") String fileName,
                        @Param("content") byte[] content);
}
