package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.LogSafe;
import io.gridcast.core.errors.BadRequestException;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostUpdate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes mapped items as Active Community posts: creates with the bridge's idempotency key and
 * {@code externalRef}, updates with {@code If-Match} (re-reading the version on a 412, by the
 * rule of {@link io.gridcast.tradinggrid.VersionedResourceApi#update(String, java.util.function.Function)}),
 * and finds orphans by {@code externalRef}. Thread-safe.
 */
public final class PostSink implements Sink<PostCreate> {

  private static final Logger LOG = LoggerFactory.getLogger(PostSink.class);

  private final TradingGridClient tradingGrid;
  /** The fingerprint of a found post's content; null where the sink encodes (the sent body's). */
  private final Function<PostCreate, String> fingerprint;

  /**
   * A sink that {@linkplain #encode encodes} each create's body once, for the flow to fingerprint
   * and for the create to send, and fingerprints found posts the same way. For flows that keep the
   * default fingerprint.
   */
  public PostSink(TradingGridClient tradingGrid) {
    this.tradingGrid = Objects.requireNonNull(tradingGrid, "tradingGrid");
    this.fingerprint = null;
  }

  /**
   * A sink for a flow with its own fingerprint function: it fingerprints found posts with it, and
   * encodes nothing ahead.
   */
  public PostSink(TradingGridClient tradingGrid, Function<PostCreate, String> fingerprint) {
    this.tradingGrid = Objects.requireNonNull(tradingGrid, "tradingGrid");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The create's body: the post with its {@code externalRef}, as the client sends it. */
  @Override
  public Optional<byte[]> encode(PostCreate item, String externalRef) {
    return fingerprint != null ? Optional.empty() : Optional.of(tradingGrid.posts().encode(item.withExternalRef(externalRef)));
  }

  @Override
  public WriteResult create(String sourceKey, PostCreate item, String idempotencyKey, String externalRef, RunContext run) {
    return create(sourceKey, item, tradingGrid.posts().encode(item.withExternalRef(externalRef)), idempotencyKey, externalRef, run);
  }

  @Override
  public WriteResult create(String sourceKey, PostCreate item, byte[] encodedBody, String idempotencyKey, String externalRef,
      RunContext run) {
    try {
      Post post = tradingGrid.posts().createEncoded(encodedBody, idempotencyKey);
      return WriteResult.of(post.id(), post.version());
    } catch (BadRequestException e) {
      if (e.errorCode().filter("idempotency_key_reused"::equals).isEmpty()) {
        throw e;
      }
      // created earlier with other content: adopt it and bring it up to date
      Post existing = tradingGrid.posts().findByExternalRef(externalRef).orElseThrow(() -> e);
      LOG.info("post {} already exists for {} with older content; updating it", LogSafe.quoted(existing.id()),
          LogSafe.quoted(sourceKey));
      return update(existing.id(), existing.version(), item);
    }
  }

  @Override
  public WriteResult update(LedgerEntry existing, PostCreate item, RunContext run) {
    long version = existing.targetVersion().orElseGet(() -> tradingGrid.posts().get(existing.targetId()).version());
    return update(existing.targetId(), version, item);
  }

  private WriteResult update(String postId, long version, PostCreate item) {
    // the post is replaced whole; one edited by someone else meanwhile is re-read and replaced (412 rule)
    Post post = tradingGrid.posts().replace(postId, asUpdate(item), version);
    return WriteResult.of(post.id(), post.version());
  }

  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    return tradingGrid.posts().findByExternalRef(externalRef)
        .map(p -> WriteResult.found(p.id(), p.version(), fingerprintOf(p)));
  }

  private String fingerprintOf(Post found) {
    PostCreate content = asCreate(found);
    return fingerprint != null ? fingerprint.apply(content) : Fingerprints.ofSentBody(tradingGrid.posts().encode(content));
  }

  /** The update that makes a post's content equal to {@code item}. */
  public static PostUpdate asUpdate(PostCreate item) {
    return PostUpdate.builder()
        .title(item.title())
        .body(item.body())
        .links(item.links())
        .metadata(item.metadata())
        .audience(item.audience())
        .attachments(item.attachments())
        .tags(item.tags())
        .build();
  }

  /** The create request a post's current content corresponds to. */
  public static PostCreate asCreate(Post post) {
    return PostCreate.builder()
        .kind(post.kind())
        .title(post.title())
        .body(post.body())
        .links(post.links())
        .metadata(post.metadata())
        .audience(post.audience())
        .attachments(post.attachments())
        .tags(post.tags())
        .externalRef(post.externalRef())
        .build();
  }
}
