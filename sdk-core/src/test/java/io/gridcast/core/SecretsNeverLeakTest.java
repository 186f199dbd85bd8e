package io.gridcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gridcast.core.auth.AccessToken;
import io.gridcast.core.auth.OAuth2TokenProvider;
import io.gridcast.core.auth.TokenStore;
import io.gridcast.core.http.TransportConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SecretsNeverLeakTest {

  private static final String CLIENT_SECRET = "cs-5f1d2a-very-secret";
  private static final String ACCESS_TOKEN = "at-9c8b7a-bearer-value";
  private static final String REFRESH_TOKEN = "rt-1a2b3c-refresh-value";
  private static final String PASSWORD = "pw-zz99-user-password";

  private final MockWebServer server = new MockWebServer();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Logger root;

  @BeforeEach
  void start() throws Exception {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    appender.start();
    root.addAppender(appender);
    ((Logger) LoggerFactory.getLogger("io.gridcast")).setLevel(Level.TRACE);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/token")) {
          return new MockResponse.Builder().code(200).body("{\"access_token\":\"" + ACCESS_TOKEN
              + "\",\"expires_in\":3600,\"refresh_token\":\"" + REFRESH_TOKEN + "\"}").build();
        }
        if (path.equals("/bad-token")) {
          return new MockResponse.Builder().code(200).body("{\"access_token\":\"" + ACCESS_TOKEN + "\", broken").build();
        }
        if (path.equals("/denied-token")) {
          return new MockResponse.Builder().code(401).body("{\"error\":\"invalid_client\"}").build();
        }
        return new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"no\"}}").build();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    root.detachAppender(appender);
    server.close();
  }

  private OAuth2TokenProvider provider(String path) {
    return OAuth2TokenProvider.builder().tokenUrl(server.url(path).toString()).clientId("client")
        .clientSecret(Secret.of(CLIENT_SECRET)).password("user", Secret.of(PASSWORD))
        .tokenStore(TokenStore.inMemory(null)).build();
  }

  @Test
  void noSecretOrTokenAppearsInLogsToStringsOrExceptions() {
    List<String> texts = new ArrayList<>();
    OAuth2TokenProvider tokens = provider("/token");
    TestStack stack = new TestStack(server, TransportConfig.builder().build(), TestStack.fastRetries().build(), tokens);

    texts.add(describe(catchThrowable(() -> stack.api.find(ACCESS_TOKEN, "episodes"))));
    texts.add(describe(catchThrowable(() -> provider("/bad-token").token())));
    texts.add(describe(catchThrowable(() -> provider("/denied-token").token())));
    AccessToken token = tokens.token();
    texts.add(token.toString());
    texts.add(tokens.toString());
    texts.add(Secret.of(CLIENT_SECRET).toString());
    texts.add(token.refreshToken().orElseThrow().toString());
    for (ILoggingEvent e : appender.list) {
      texts.add(e.getFormattedMessage());
    }

    assertThat(appender.list).as("the stack logged at trace level").isNotEmpty();
    assertThat(String.join("\n", texts))
        .doesNotContain(CLIENT_SECRET).doesNotContain(ACCESS_TOKEN).doesNotContain(REFRESH_TOKEN)
        .doesNotContain(PASSWORD).doesNotContain("Bearer ");
  }

  private static String describe(Throwable t) {
    assertThat(t).isNotNull();
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void secretEqualityComparesValues() {
    assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    assertThat(new AccessToken(Secret.of("v"), Instant.EPOCH, null, null).toString()).doesNotContain("v,").contains("redacted");
  }
}
