package com.channelrouter.events;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
interface OutboxMapper {

    List<Long> findUnsequenced(int limit);

    long maxFeedSeq();

    /** Places each of these waiting rows at its id plus {@code offset}. */
    int sequence(@Param("outboxIds") List<Long> outboxIds, @Param("offset") long offset);

    List<FeedEvent> findFeed(@Param("channel") String channel, @Param("after") long after, @Param("limit") int limit);
}
