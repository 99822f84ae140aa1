package com.channelrouter.routing;

import com.channelrouter.workitem.NewWorkItem;
import com.channelrouter.workitem.WorkItems;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores a routed item, its decision, its history and its idempotency key in one transaction. */
@Component
class RoutingRecorder {

    private final WorkItems workItems;
    private final IdempotencyKeyMapper idempotencyKeys;

    RoutingRecorder(WorkItems workItems, IdempotencyKeyMapper idempotencyKeys) {
        this.workItems = workItems;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Transactional
    void record(NewWorkItem item, String clientId, String idempotencyKey) {
        workItems.open(item);
        if (idempotencyKey != null) {
            idempotencyKeys.insert(clientId, idempotencyKey, item.requestHash(), item.workItemId(), item.createdAt());
        }
    }
}
