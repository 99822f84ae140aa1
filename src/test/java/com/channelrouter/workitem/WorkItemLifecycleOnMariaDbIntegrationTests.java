package com.channelrouter.workitem;

import com.channelrouter.support.OnMariaDb;

/** The lifecycle tests, concurrency and escalation included, on the real MariaDB/MySQL server. */
@OnMariaDb
class WorkItemLifecycleOnMariaDbIntegrationTests extends WorkItemLifecycleIntegrationTests {
}
