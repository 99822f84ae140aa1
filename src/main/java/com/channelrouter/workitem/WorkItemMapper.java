package com.channelrouter.workitem;

import com.channelrouter.domain.SourceChannel;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Mapper
interface WorkItemMapper {

    List<PriorExternalId> findByExternalIds(@Param("sourceChannel") SourceChannel sourceChannel,
                                             @Param("externalIds") Collection<String> externalIds);

    List<StoredDecision> findDecisionJsons(@Param("workItemIds") Collection<String> workItemIds);

    Optional<WorkItemRecord> findById(String workItemId);

    Optional<PriorRouting> findByExternalId(@Param("sourceChannel") SourceChannel sourceChannel,
                                            @Param("externalId") String externalId);

    Optional<String> findDecisionJson(String workItemId);

    List<WorkItemEvent> findEvents(String workItemId);

    /** History of several items, for a page: each event with its item's id. */
    List<ItemEventRow> findEventsOf(@Param("workItemIds") Collection<String> workItemIds);

    /** Writes the new state only if the row is still at {@code expectedVersion}; returns the rows changed (0 or 1). */
    int updateState(@Param("workItemId") String workItemId, @Param("expectedVersion") int expectedVersion,
                    @Param("state") ItemState state);

    /** Items with an escalation due by {@code now}, the most overdue first. */
    List<String> findItemsDueForEscalation(@Param("now") Instant now, @Param("limit") int limit);

    /** The item's {@link EscalationPlan} as text, null if nothing is planned. */
    String findEscalationPlan(String workItemId);

    void updateEscalationPlan(@Param("workItemId") String workItemId, @Param("plan") String plan, @Param("nextAt") Instant nextAt);

    Integer lockItem(@Param("workItemId") String workItemId);

    /** The item's status as last committed (a locking read), or null if there is no such item. */
    WorkItemStatus lockStatus(@Param("workItemId") String workItemId);

    List<WorkItemRecord> findPage(WorkItemQuery query);

    List<StoredRouting> findRoutedSince(@Param("since") Instant since, @Param("limit") int limit);

    long countPage(WorkItemQuery query);
}
