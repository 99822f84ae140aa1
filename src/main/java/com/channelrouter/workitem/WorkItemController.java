package com.channelrouter.workitem;

import com.channelrouter.security.ApiClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading work items; each caller sees only the items its channel owns or sourced. */
@RestController
@RequestMapping("/api/v1/work-items")
class WorkItemController {

    private final WorkItems workItems;

    WorkItemController(WorkItems workItems) {
        this.workItems = workItems;
    }

    @GetMapping("/{workItemId}")
    WorkItemView get(@PathVariable String workItemId, @AuthenticationPrincipal ApiClient caller) {
        return workItems.read(workItemId, caller);
    }
}
