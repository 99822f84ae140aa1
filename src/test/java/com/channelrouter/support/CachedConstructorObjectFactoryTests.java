package com.channelrouter.support;

import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedConstructorObjectFactoryTests {

    /** Package-private, as the records our mappers read are. */
    record Row(long id, String name) {
    }

    static class Bean {
        private Bean() {
        }
    }

    final CachedConstructorObjectFactory factory = new CachedConstructorObjectFactory();

    @Test
    void createsRecordsThatAreNotPublicRowAfterRow() {
        for (long id = 1; id <= 3; id++) {
            Row row = factory.create(Row.class, List.<Class<?>>of(long.class, String.class), List.<Object>of(id, "row " + id));
            assertThat(row).isEqualTo(new Row(id, "row " + id));
        }
    }

    @Test
    void createsWithAPrivateNoArgumentConstructor() {
        assertThat(factory.create(Bean.class)).isInstanceOf(Bean.class);
        assertThat(factory.create(Bean.class, null, null)).isInstanceOf(Bean.class);
    }

    @Test
    void turnsCollectionInterfacesIntoMyBatisOwnChoices() {
        assertThat(factory.create(List.class)).isInstanceOf(ArrayList.class).isEmpty();
        assertThat(factory.create(Map.class)).isInstanceOf(Map.class).isEmpty();
    }

    @Test
    void namesTheTypeAndValuesWhenTheyDoNotFit() {
        assertThatThrownBy(() -> factory.create(Row.class, List.<Class<?>>of(long.class, String.class), List.<Object>of("not a number", "x")))
                .isInstanceOf(ReflectionException.class).hasMessageContaining("Row").hasMessageContaining("not a number");
        assertThatThrownBy(() -> factory.create(Row.class, List.<Class<?>>of(String.class), List.<Object>of("x")))
                .isInstanceOf(ReflectionException.class).hasMessageContaining("No constructor");
    }

    @Nested
    @IntegrationTest
    class InTheApplication {

        @Autowired
        SqlSessionFactory sessions;

        @Test
        void isTheFactoryMyBatisUses() {
            assertThat(sessions.getConfiguration().getObjectFactory()).isInstanceOf(CachedConstructorObjectFactory.class);
        }
    }
}
