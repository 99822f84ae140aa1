package com.channelrouter.workitem;

import java.util.List;

/** A page of work items, newest first; {@code page} counts from 0. */
record WorkItemPage(List<WorkItemView> items, int page, int size, long total) {
}
