package com.channelrouter.routing;

import com.channelrouter.customer.Customers;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.SourceChannel;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What-ifs go on answering from memory while the registry is unreachable, without waiting for it each time. */
class CustomerProfilesTests {

    private final Customers customers = mock(Customers.class);
    private final CustomerProfiles profiles = new CustomerProfiles(customers);

    private static RoutingItem leadOf(String customerId) {
        return new RoutingItem(ItemType.LEAD, null, SourceChannel.WEBSITE, Instant.parse("2026-12-05T02:00:00Z"), customerId,
                null, null, "MAS", null, null, null, null);
    }

    @Test
    void afterTheRegistryCouldNotBeReachedWhatIfsDoNotAskItForAWhileAndStoringStillDoes() {
        when(customers.find("GC-1")).thenThrow(new CannotGetJdbcConnectionException("Connection is not available"));

        CustomerProfile first = profiles.resolve(leadOf("GC-1"), CustomerProfiles.RegistryUse.BEST_EFFORT);
        CustomerProfile second = profiles.resolve(leadOf("GC-1"), CustomerProfiles.RegistryUse.BEST_EFFORT);

        assertThat(first.registryUnavailable()).isTrue();
        assertThat(second.registryUnavailable()).isTrue();
        verify(customers, times(1)).find("GC-1");
        assertThatThrownBy(() -> profiles.resolve(leadOf("GC-1"), CustomerProfiles.RegistryUse.REQUIRED))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
        verify(customers, times(2)).find("GC-1");
    }

    @Test
    void aFailureThatIsNotTheDatabaseGoneDoesNotStopTheNextLookUp() {
        when(customers.find("GC-2")).thenThrow(new DuplicateKeyException("not a lookup's failure, but not an outage either"));

        profiles.resolve(leadOf("GC-2"), CustomerProfiles.RegistryUse.BEST_EFFORT);
        profiles.resolve(leadOf("GC-2"), CustomerProfiles.RegistryUse.BEST_EFFORT);

        verify(customers, times(2)).find("GC-2");
    }
}
