package com.channelrouter.routing;

import com.channelrouter.support.OnMariaDb;

/** {@link IdempotencyKeyMapperTests} against the real MariaDB/MySQL server. */
@OnMariaDb
class IdempotencyKeyMapperOnMariaDbTests extends IdempotencyKeyMapperTests {
}
