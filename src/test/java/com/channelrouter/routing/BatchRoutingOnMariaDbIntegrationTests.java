package com.channelrouter.routing;

import com.channelrouter.support.OnMariaDb;

/** Batch routing's multi-row statements and repeat handling on the real MariaDB/MySQL server. */
@OnMariaDb
class BatchRoutingOnMariaDbIntegrationTests extends BatchRoutingIntegrationTests {
}
