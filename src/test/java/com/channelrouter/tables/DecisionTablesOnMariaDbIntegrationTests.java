package com.channelrouter.tables;

import com.channelrouter.support.OnMariaDb;

/** Uploading, publishing and rolling back with the versions kept in the real MariaDB/MySQL server. */
@OnMariaDb
class DecisionTablesOnMariaDbIntegrationTests extends DecisionTablesIntegrationTests {
}
