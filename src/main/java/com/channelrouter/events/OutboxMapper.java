package com.channelrouter.events;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
interface OutboxMapper {

    /** The next place in the feed, locked until the caller's transaction ends. */
    long lockNextFeedSeq();

    /** The next place in the feed as last committed, without a lock: every place before it has been given. */
    long nextFeedSeq();

    /** Events waiting for their places, oldest first. */
    List<WaitingEvent> findWaiting(int limit);

    int removeWaiting(@Param("eventIds") List<Long> eventIds);

    void advanceNextFeedSeq(long nextSeq);

    List<FeedEvent> findFeed(@Param("channel") String channel, @Param("after") long after, @Param("limit") int limit);
}
