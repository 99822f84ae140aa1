package com.channelrouter.routing;

import com.channelrouter.workitem.PriorRouting;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.Optional;

@Mapper
interface IdempotencyKeyMapper {

    Optional<PriorRouting> find(@Param("clientId") String clientId, @Param("key") String key);

    void insert(@Param("clientId") String clientId, @Param("key") String key, @Param("requestHash") String requestHash,
                @Param("workItemId") String workItemId, @Param("createdAt") Instant createdAt);
}
