package io.gridcast.bridge.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.bridge.Batch;
import io.gridcast.bridge.Bridge;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Flow;
import io.gridcast.bridge.RunReport;
import io.gridcast.bridge.state.InMemoryStateStore;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.Secret;
import io.gridcast.core.resilience.ResilienceConfig;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridSandbox;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each post is encoded once: the fingerprint in the ledger is taken over the very bytes the
 * create sent; ledgers whose fingerprints were taken over the mapped value (before 2026-12) are
 * recognised, not rewritten remotely; an orphan with the same content is adopted without an
 * update. Against the Trading Grid sandbox over loopback, with every request the client sends
 * recorded.
 */
class EncodeOnceTest {

  private TradingGridSandbox sandbox;
  private TradingGridClient tradingGrid;
  /** Every request sent, as "METHOD /path". */
  private final List<String> requests = new CopyOnWriteArrayList<>();
  /** The bodies of the post creates sent, by the externalRef inside them. */
  private final Map<String, byte[]> createBodies = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    sandbox = TradingGridSandbox.builder().tokenLifetime(Duration.ofHours(1)).start();
    tradingGrid = TradingGridClient.builder()
        .baseUrl(sandbox.baseUrl().toString())
        .tenant(TradingGridSandbox.DEFAULT_TENANT_ID)
        .community(TradingGridSandbox.DEFAULT_COMMUNITY_ID)
        .clientCredentials(TradingGridSandbox.DEFAULT_CLIENT_ID, Secret.of(TradingGridSandbox.DEFAULT_CLIENT_SECRET))
        .resilience(ResilienceConfig.builder().maxRetries(0).build())
        .addInterceptor(chain -> {
          Request request = chain.request();
          if (request.url().encodedPath().contains("/communities/")) {
            requests.add(request.method() + " " + request.url().encodedPath());
          }
          if (request.method().equals("POST") && request.url().encodedPath().endsWith("/posts")) {
            Buffer copy = new Buffer();
            try {
              request.body().writeTo(copy);
            } catch (IOException e) {
              throw new AssertionError(e);
            }
            byte[] bytes = copy.readByteArray();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            String ref = text.replaceAll("(?s).*\"externalRef\":\"([^\"]*)\".*", "$1");
            createBodies.put(ref, bytes);
          }
          return chain.proceed(request);
        })
        .build();
  }

  @AfterEach
  void stop() {
    tradingGrid.close();
    sandbox.close();
  }

  private static List<String> keys(int n) {
    return IntStream.range(0, n).mapToObj(i -> "release-note-" + i).toList();
  }

  private static PostCreate post(String key, String edition) {
    return PostCreate.builder()
        .kind(PostKind.ANNOUNCEMENT)
        .title("Release note " + key.substring(key.lastIndexOf('-') + 1) + " — “Grüße” & <b>tags</b>")
        .body("What changed in " + key + ", edition " + edition + ". 日本語も。")
        .audience(Audience.ofGroups(List.of(TradingGridDemoData.GROUP_ACTIVE)))
        .metadata(Map.of("source", key))
        .tags(List.of("release-notes"))
        .build();
  }

  private Flow<String, PostCreate> flow(List<String> keys, Function<String, String> edition, boolean legacyFingerprint) {
    Flow.Builder<String, PostCreate> b = Flow.<String, PostCreate>builder("release-notes")
        .source(run -> List.of(Batch.of(keys)))
        .key(k -> k)
        .mapper((k, run) -> post(k, edition.apply(k)))
        .sink(new PostSink(tradingGrid));
    if (legacyFingerprint) {
      b.fingerprint(Flow::jsonFingerprint); // what every flow's ledger held before fingerprints of sent bodies
    }
    return b.build();
  }

  private static Bridge bridge(InMemoryStateStore store) {
    return Bridge.builder().stateStore(store).build();
  }

  private long count(String method, String pathEnd) {
    return requests.stream().filter(r -> r.startsWith(method + " ") && r.endsWith(pathEnd)).count();
  }

  @Test
  void theLedgersFingerprintIsTheHashOfTheBytesTheCreateSent() {
    InMemoryStateStore store = new InMemoryStateStore();

    RunReport report = bridge(store).run(flow(keys(6), k -> "1", false));

    assertThat(report.created()).isEqualTo(6);
    assertThat(createBodies).hasSize(6);
    for (LedgerEntry entry : store.entries("release-notes")) {
      byte[] sent = createBodies.get(entry.sourceKey());
      assertThat(sent).as("the create sent for %s", entry.sourceKey()).isNotNull();
      assertThat(entry.fingerprint()).isEqualTo(Fingerprints.SENT_BODY_PREFIX + Fingerprints.sha256Hex(sent));
      assertThat(new String(sent, java.nio.charset.StandardCharsets.UTF_8))
          .contains("\"externalRef\":\"" + entry.sourceKey() + "\"")
          .contains("edition 1");
    }

    requests.clear();
    RunReport again = bridge(store).run(flow(keys(6), k -> "1", false));
    assertThat(again.unchanged()).isEqualTo(6);
    assertThat(requests).isEmpty();

    RunReport edited = bridge(store).run(flow(keys(6), k -> k.endsWith("-2") ? "2" : "1", false));
    assertThat(edited.updated()).isEqualTo(1);
    assertThat(edited.unchanged()).isEqualTo(5);
  }

  @Test
  void aLedgerWithFingerprintsOfTheMappedValueIsRecognisedNotRewrittenAndTakesTheNewFingerprints() {
    InMemoryStateStore store = new InMemoryStateStore();
    bridge(store).run(flow(keys(5), k -> "1", true));
    Map<String, String> before = store.entries("release-notes").stream()
        .collect(Collectors.toMap(LedgerEntry::sourceKey, LedgerEntry::fingerprint));
    assertThat(before.values()).allSatisfy(f -> assertThat(Fingerprints.isOfSentBody(f)).isFalse());

    requests.clear();
    Function<String, String> secondEdited = k -> k.endsWith("-2") ? "2" : "1";
    RunReport upgraded = bridge(store).run(flow(keys(5), secondEdited, false));

    assertThat(upgraded.unchanged()).isEqualTo(4);
    assertThat(upgraded.updated()).as("a legacy entry whose content changed is updated").isEqualTo(1);
    assertThat(requests).as("only the edited post is written").noneMatch(r -> r.startsWith("POST "))
        .filteredOn(r -> r.startsWith("PUT ") || r.startsWith("PATCH ")).hasSize(1);
    assertThat(store.entries("release-notes")).hasSize(5).allSatisfy(e -> {
      assertThat(Fingerprints.isOfSentBody(e.fingerprint())).isTrue();
      assertThat(e.targetId()).isNotBlank();
    });

    requests.clear();
    RunReport third = bridge(store).run(flow(keys(5), secondEdited, false));
    assertThat(third.unchanged()).isEqualTo(5);
    assertThat(requests).isEmpty();
  }

  @Test
  void anOrphanWithTheSameContentIsAdoptedWithoutAnUpdate() {
    bridge(new InMemoryStateStore()).run(flow(keys(4), k -> "1", false)); // then the ledger is lost

    requests.clear();
    InMemoryStateStore fresh = new InMemoryStateStore();
    RunReport adopted = bridge(fresh).run(flow(keys(4), k -> "1", false));

    assertThat(adopted.created()).isEqualTo(4); // counted as created: the ledger had none
    assertThat(count("POST", "/posts")).isZero();
    assertThat(requests).noneMatch(r -> r.startsWith("PUT ") || r.startsWith("PATCH "));
    assertThat(count("GET", "/posts")).isEqualTo(4); // one look-up by externalRef each
    assertThat(fresh.entries("release-notes")).allSatisfy(e -> assertThat(Fingerprints.isOfSentBody(e.fingerprint())).isTrue());
  }
}
