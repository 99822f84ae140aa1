package com.channelrouter.events;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
interface OutboxMapper {

    /** The next place in the feed, locked until the caller's transaction ends. */
    long lockNextFeedSeq();

    /** Ids of events waiting for their place, oldest first. */
    List<Long> findWaiting(int limit);

    /** Copies these waiting events into the feed, each at its outbox id plus {@code offset}. */
    int placeInFeed(@Param("outboxIds") List<Long> outboxIds, @Param("offset") long offset);

    int removeWaiting(@Param("outboxIds") List<Long> outboxIds);

    void advanceNextFeedSeq(long nextSeq);

    List<FeedEvent> findFeed(@Param("channel") String channel, @Param("after") long after, @Param("limit") int limit);
}
