package com.channelrouter.events;

import com.channelrouter.support.OnMariaDb;

/** The feed tests on the real MariaDB/MySQL server. */
@OnMariaDb
class EventFeedOnMariaDbIntegrationTests extends EventFeedIntegrationTests {
}
