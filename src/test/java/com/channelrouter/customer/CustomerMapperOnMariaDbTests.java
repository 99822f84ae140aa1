package com.channelrouter.customer;

import com.channelrouter.support.OnMariaDb;

/** {@link CustomerMapperTests} against the real MariaDB/MySQL server. */
@OnMariaDb
class CustomerMapperOnMariaDbTests extends CustomerMapperTests {
}
