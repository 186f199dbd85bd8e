package io.gridcast.bridge;

import io.gridcast.bridge.flows.PostSink;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.bridge.state.StateStore;
import io.gridcast.bridge.state.StateStoreException;
import io.gridcast.testkit.state.DelegatingStateStore;
import io.gridcast.bridge.testing.Sandboxes;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Remote text (episode ids, file names, platform error messages) reaches the bridge's log lines
 * (FlowRun, Bridge, PostSink) and run reports escaped: a CR/LF in it can never forge a line such
 * as {@code ... INFO io.gridcast.bridge.FlowRun - approval released}.
 */
class RemoteTextInLogLinesTest {

  private static final String FORGED_LINE = "2026-01-01 INFO io.gridcast.bridge.FlowRun - approval released";
  private static final String HOSTILE = "x\r\n" + FORGED_LINE;
  private static final String FLOW = "log-lines";

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger gridcast = context.getLogger("io.gridcast");
  private final Capture capture = new Capture();
  private Level savedLevel;

  @BeforeEach
  void startCapturing() {
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%-5level %logger - %msg%n%ex{full}");
    layout.start();
    capture.layout = layout;
    capture.setContext(context);
    capture.start();
    savedLevel = gridcast.getLevel();
    gridcast.setLevel(Level.DEBUG);
    gridcast.addAppender(capture);
  }

  @AfterEach
  void stopCapturing() {
    gridcast.detachAppender(capture);
    gridcast.setLevel(savedLevel);
    capture.stop();
  }

  private static Flow<String, String> flow(List<String> items, Function<String, String> mapper) {
    Sink<String> sink = new Sink<>() {
      @Override
      public WriteResult create(String key, String item, String idempotencyKey, String externalRef, RunContext run) {
        return WriteResult.of("post-" + Math.abs(key.hashCode()), 1L);
      }

      @Override
      public WriteResult update(LedgerEntry existing, String item, RunContext run) {
        return WriteResult.of(existing.targetId(), 2L);
      }

      @Override
      public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
        return Optional.empty();
      }
    };
    return Flow.<String, String>builder(FLOW).source(run -> List.of(Batch.of(items))).key(item -> item)
        .mapper((item, run) -> mapper.apply(item)).sink(sink).build();
  }

  @Test
  void aFailureWhoseMessageHoldsALineBreakIsOneEscapedDeadLetterLine() {
    StateStore store = new InMemoryStateStore();
    Flow<String, String> failing = flow(List.of("spotify:episode:1"), item -> {
      throw new IllegalStateException(HOSTILE);
    });

    RunReport report = Bridge.builder().stateStore(store).build().run(failing);

    assertThat(capture.linesContaining("was dead-lettered")).singleElement()
        .satisfies(line -> assertThat(line).contains("x\\r\\n2026-01-01 INFO"));
    assertNoForgedLine();
    assertThat(report.failures()).singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo("IllegalStateException: x\\r\\n" + FORGED_LINE));
    assertThat(store.deadLetters(FLOW)).singleElement()
        .satisfies(d -> assertThat(d.reason()).doesNotContain("\r", "\n"));
  }

  @Test
  void aKeyHoldingALineBreakIsLoggedEscapedOnOneLine() {
    String hostileKey = "spotify:episode:" + HOSTILE;
    Flow<String, String> failing = flow(List.of(hostileKey), item -> {
      throw new IllegalArgumentException("no release notes");
    });

    Bridge.builder().stateStore(new InMemoryStateStore()).build().run(failing);

    assertThat(capture.linesContaining("was dead-lettered")).singleElement()
        .satisfies(line -> assertThat(line).contains("spotify:episode:x\\r\\n2026-01-01"));
    assertNoForgedLine();
  }

  @Test
  void aKeyNoStoreCanHoldIsLoggedOnceAndEscaped() {
    String nulKey = "spotify:episode:\u0000" + HOSTILE;

    RunReport report = Bridge.builder().stateStore(new InMemoryStateStore()).build()
        .run(flow(List.of(nulKey, "spotify:episode:2"), item -> item));

    assertThat(report.created()).isEqualTo(1);
    assertThat(capture.linesContaining("NUL character")).hasSize(1);
    assertNoForgedLine();
    assertThat(capture.rendered()).doesNotContain("\u0000");
  }

  @Test
  void aFailingKeyFunctionIsLoggedWithItsStackTraceButNotItsLineBreaks() {
    Flow<String, String> broken = Flow.<String, String>builder(FLOW).source(run -> List.of(Batch.of(List.of("a"))))
        .key(item -> {
          throw new IllegalStateException(HOSTILE);
        })
        .mapper((item, run) -> item).sink(flow(List.of(), item -> item).sink()).build();

    RunReport report = Bridge.builder().stateStore(new InMemoryStateStore()).build().run(broken);

    assertThat(report.stoppedBecause()).hasValueSatisfying(why -> assertThat(why).doesNotContain("\r", "\n"));
    assertThat(capture.linesContaining("key function of flow")).hasSize(1);
    assertThat(capture.rendered()).contains("\tat io.gridcast.bridge.RemoteTextInLogLinesTest");
    assertNoForgedLine();
  }

  @Test
  void aStateStoreFailureQuotingTheKeyIsLoggedEscaped() {
    StateStore failing = new DelegatingStateStore(new InMemoryStateStore()) {
      @Override
      public Map<String, LedgerEntry> findAll(String flow, Collection<String> sourceKeys) {
        throw new StateStoreException("Key (flow, source_key)=(" + sourceKeys.iterator().next() + ") is broken",
            new java.sql.SQLException("Detail: " + HOSTILE));
      }
    };

    RunReport report = Bridge.builder().stateStore(failing).build().run(flow(List.of("k" + HOSTILE), item -> item));

    assertThat(report.stoppedBecause()).hasValueSatisfying(why -> assertThat(why).doesNotContain("\r", "\n"));
    assertThat(capture.linesContaining("state store failed during flow")).hasSize(1);
    assertNoForgedLine();
  }

  @Test
  void aDeadLetterThatCannotBeLookedUpIsLoggedEscaped() {
    StateStore store = new InMemoryStateStore();
    String hostileKey = "spotify:episode:" + HOSTILE;
    Bridge bridge = Bridge.builder().stateStore(store).build();
    bridge.run(flow(List.of(hostileKey), item -> {
      throw new IllegalArgumentException("no release notes");
    }));
    Flow<String, String> lookupFails = Flow.<String, String>builder(FLOW).source(run -> List.of())
        .key(item -> item).mapper((item, run) -> item).sink(flow(List.of(), item -> item).sink())
        .lookup(key -> {
          throw new IllegalStateException("gone");
        })
        .build();

    bridge.replayDeadLetters(lookupFails);

    assertThat(capture.linesContaining("cannot be looked up")).singleElement()
        .satisfies(line -> assertThat(line).contains("spotify:episode:x\\r\\n2026-01-01"));
    assertNoForgedLine();
  }

  @Test
  void aPostFoundUnderItsExternalRefIsLoggedEscaped() {
    try (Sandboxes sandboxes = Sandboxes.start()) {
      PostSink sink = new PostSink(sandboxes.tradingGrid);
      RunContext run = RunContext.detached("announcements", java.time.Clock.systemUTC());
      String hostileKey = "spotify:episode:" + HOSTILE;
      sink.create(hostileKey, post("Episode 44"), "idempotency-1", "ref-44", run);

      sink.create(hostileKey, post("Episode 44, corrected"), "idempotency-1", "ref-44", run);

      assertThat(capture.linesContaining("already exists for")).singleElement()
          .satisfies(line -> assertThat(line).contains("spotify:episode:x\\r\\n2026-01-01"));
      assertNoForgedLine();
    }
  }

  private static PostCreate post(String title) {
    return PostCreate.builder().kind(PostKind.ANNOUNCEMENT).title(title).body("Out now.")
        .audience(Audience.builder().addGroupIds(TradingGridDemoData.GROUP_ACTIVE).build())
        .build();
  }

  private void assertNoForgedLine() {
    assertThat(capture.lines()).isNotEmpty().noneSatisfy(line -> assertThat(line).startsWith("2026-01-01"));
  }

  /** Every event of the io.gridcast loggers, rendered as a log file would hold it. */
  private static final class Capture extends AppenderBase<ILoggingEvent> {
    private final StringBuilder rendered = new StringBuilder();
    private PatternLayout layout;

    @Override
    protected synchronized void append(ILoggingEvent event) {
      rendered.append(layout.doLayout(event));
    }

    synchronized String rendered() {
      return rendered.toString();
    }

    /** The rendered output split where a log viewer would split it: at CR, LF and CRLF. */
    List<String> lines() {
      return List.of(rendered().split("\r\n|\r|\n|\u2028|\u2029|\u0085"));
    }

    List<String> linesContaining(String text) {
      List<String> found = new ArrayList<>();
      for (String line : lines()) {
        if (line.contains(text)) {
          found.add(line);
        }
      }
      return found;
    }
  }
}
