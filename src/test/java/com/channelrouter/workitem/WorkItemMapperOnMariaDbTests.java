package com.channelrouter.workitem;

import com.channelrouter.support.OnMariaDb;

/** {@link WorkItemMapperTests} against the real MariaDB/MySQL server. */
@OnMariaDb
class WorkItemMapperOnMariaDbTests extends WorkItemMapperTests {
}
