package com.channelrouter.routing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a group of items (a group of single requests, a batch chunk) looks its external ids up before it
 * inserts. Almost every item a channel sends is new, so at first groups insert straight away and the unique
 * key on work_item's sourceChannel and externalId finds a repeat; the group is then sorted out again with the
 * lookup. Once a lookup has found a repeat, the next {@value #LOOK_UPS_AFTER_A_REPEAT} lookups must find none
 * before groups insert straight away again, so that a stream of repeats (a channel sending its day again, a
 * batch sent again) does not pay for every group twice. Each writer of groups has its own (POST /routings'
 * writers one, batch chunks another), shared by the groups it writes side by side.
 */
final class RepeatWatch {

    /** Lookups that must find no repeat before groups insert without looking up again. */
    static final int LOOK_UPS_AFTER_A_REPEAT = 100;

    /** Lookups still to find no repeat before groups insert without looking up: above 0 while repeats come. */
    private final AtomicInteger lookUpsLeft = new AtomicInteger();

    /** True while repeats come: until {@value #LOOK_UPS_AFTER_A_REPEAT} lookups have found none since the last repeat. */
    boolean lookUpFirst() {
        return lookUpsLeft.get() > 0;
    }

    /** Notes what a lookup found, and returns it. */
    StoredExternalIds noted(StoredExternalIds found) {
        if (found.isEmpty()) {
            lookUpsLeft.updateAndGet(left -> Math.max(0, left - 1));
        } else {
            lookUpsLeft.set(LOOK_UPS_AFTER_A_REPEAT);
        }
        return found;
    }
}
