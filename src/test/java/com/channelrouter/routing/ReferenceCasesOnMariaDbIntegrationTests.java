package com.channelrouter.routing;

import com.channelrouter.support.OnMariaDb;

/** Every reference case routed and stored through real HTTP into the real MariaDB/MySQL server. */
@OnMariaDb
class ReferenceCasesOnMariaDbIntegrationTests extends ReferenceCasesIntegrationTests {
}
