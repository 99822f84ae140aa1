package com.channelrouter.routing;

import com.channelrouter.support.OnMariaDb;

/** Group routing against the real MariaDB/MySQL server: its unique keys and its lock waits. */
@OnMariaDb
class RoutingRecorderOnMariaDbIntegrationTests extends RoutingRecorderIntegrationTests {
}
