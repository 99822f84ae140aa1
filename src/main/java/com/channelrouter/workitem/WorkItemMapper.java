package com.channelrouter.workitem;

import com.channelrouter.domain.SourceChannel;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.Optional;

@Mapper
interface WorkItemMapper {

    void insert(@Param("item") NewWorkItem item, @Param("status") WorkItemStatus status);

    void insertDecision(NewWorkItem item);

    void insertEvent(@Param("workItemId") String workItemId, @Param("event") WorkItemEvent event);

    Optional<WorkItemRecord> findById(String workItemId);

    Optional<PriorRouting> findByExternalId(@Param("sourceChannel") SourceChannel sourceChannel,
                                            @Param("externalId") String externalId);

    Optional<String> findDecisionJson(String workItemId);

    List<WorkItemEvent> findEvents(String workItemId);
}
