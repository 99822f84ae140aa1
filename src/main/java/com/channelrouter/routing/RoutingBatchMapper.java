package com.channelrouter.routing;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Optional;

/** The routing_batch table: a batch's progress, written after each chunk. */
@Mapper
interface RoutingBatchMapper {

    void insert(RoutingBatch batch);

    void update(RoutingBatch batch);

    Optional<RoutingBatch> findById(@Param("batchId") String batchId);
}
