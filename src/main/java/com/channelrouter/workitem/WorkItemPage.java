package com.channelrouter.workitem;

import java.util.List;

/**
 * A page of work items, newest first; {@code page} counts from 0. {@code total} is exact up to 10,000
 * matching items; beyond that it says 10,000 and {@code totalExact} is false, because counting millions
 * of rows for every page would cost more than the page itself.
 */
record WorkItemPage(List<WorkItemView> items, int page, int size, long total, boolean totalExact) {
}
