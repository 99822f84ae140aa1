package com.channelrouter.routing;

import com.channelrouter.support.OnMariaDb;

/** The routing API's tests (idempotency races included) with the real MariaDB/MySQL server behind it. */
@OnMariaDb
class RoutingApiOnMariaDbIntegrationTests extends RoutingApiIntegrationTests {
}
