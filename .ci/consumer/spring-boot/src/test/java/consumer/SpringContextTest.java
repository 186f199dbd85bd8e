package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.StateStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/** Gridcast's beans live in a Spring Boot context, logging through Spring Boot's Logback. */
@SpringBootTest(classes = SpringContextTest.App.class)
class SpringContextTest {

  @SpringBootApplication
  static class App {
    @Bean
    StateStore stateStore() {
      return new InMemoryStateStore();
    }

    @Bean
    Bridge bridge(StateStore stateStore) {
      return Bridge.builder().stateStore(stateStore).build();
    }
  }

  @Autowired
  Bridge bridge;

  @Test
  void theBridgeIsABean() {
    assertThat(bridge).isNotNull();
    assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName()).startsWith("ch.qos.logback");
  }
}
