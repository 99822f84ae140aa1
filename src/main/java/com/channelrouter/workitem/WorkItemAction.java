package com.channelrouter.workitem;

/** What a channel or the operations centre can do to a work item. */
enum WorkItemAction { CLAIM, RETURN, DISPATCH, CLOSE }
