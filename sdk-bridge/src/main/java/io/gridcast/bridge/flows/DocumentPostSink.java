package io.gridcast.bridge.flows;

import io.gridcast.bridge.RunContext;
import io.gridcast.bridge.Fingerprints;
import io.gridcast.bridge.Sink;
import io.gridcast.bridge.WriteResult;
import io.gridcast.bridge.state.LedgerEntry;
import io.gridcast.core.LogSafe;
import io.gridcast.core.errors.BadRequestException;
import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link PostWithDocuments}: first each document (found by its {@code externalRef}, or
 * uploaded with an idempotency key derived from flow name and {@code externalRef}), then the
 * post through {@link PostSink} with the documents' ids attached. A crash between any two steps
 * is healed by the next run: uploaded documents are found again, the post's create carries the
 * bridge's idempotency key and is adopted by {@code externalRef}. Thread-safe.
 */
final class DocumentPostSink implements Sink<PostWithDocuments> {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentPostSink.class);

  private final TradingGridClient tradingGrid;
  private final String flowName;
  private final PostSink posts;

  /** A sink for the flow named {@code flowName} (it scopes the documents' idempotency keys). */
  public DocumentPostSink(TradingGridClient tradingGrid, String flowName) {
    this.tradingGrid = tradingGrid;
    this.flowName = flowName;
    this.posts = new PostSink(tradingGrid);
  }

  @Override
  public WriteResult create(String sourceKey, PostWithDocuments item, String idempotencyKey, String externalRef, RunContext run) {
    List<String> ids = upload(item.documents());
    return posts.create(sourceKey, item.withAttachments(ids), idempotencyKey, externalRef, run);
  }

  @Override
  public WriteResult update(LedgerEntry existing, PostWithDocuments item, RunContext run) {
    List<String> ids = upload(item.documents());
    return posts.update(existing, item.withAttachments(ids), run);
  }

  /** Finds the post; its content is not compared, so the bridge brings it up to date. */
  @Override
  public Optional<WriteResult> findByExternalRef(String externalRef, RunContext run) {
    return tradingGrid.posts().findByExternalRef(externalRef).map(p -> WriteResult.found(p.id(), p.version(), null));
  }

  /** The ids of the documents, each found by {@code externalRef} or uploaded once. */
  List<String> upload(List<PostDocument> documents) {
    List<String> ids = new ArrayList<>(documents.size());
    for (PostDocument d : documents) {
      ids.add(documentId(d));
    }
    return ids;
  }

  private String documentId(PostDocument d) {
    Optional<Document> found = tradingGrid.documents().findByExternalRef(d.externalRef());
    if (found.isPresent()) {
      return found.get().id();
    }
    String key = Fingerprints.idempotencyKey(flowName, "document:" + d.externalRef());
    try {
      Document doc = tradingGrid.documents().upload(d.content(), d.fileName(), d.contentType(), d.externalRef(), key);
      LOG.debug("uploaded {} as document {}", LogSafe.quoted(d.fileName()), doc.id());
      return doc.id();
    } catch (BadRequestException e) {
      if (e.errorCode().filter("idempotency_key_reused"::equals).isEmpty()) {
        throw e;
      }
      // uploaded earlier under this reference with other bytes (e.g. a re-rendered chart): keep that one
      return tradingGrid.documents().findByExternalRef(d.externalRef()).map(Document::id).orElseThrow(() -> e);
    }
  }
}
