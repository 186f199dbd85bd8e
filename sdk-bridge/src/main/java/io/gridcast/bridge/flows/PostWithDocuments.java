package io.gridcast.bridge.flows;

import io.gridcast.bridge.Flow;
import io.gridcast.tradinggrid.model.PostCreate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A post together with the documents to upload and attach to it, as written by {@link
 * DocumentPostSink}. The post's own {@code attachments} (ids of documents that already exist)
 * are kept; the uploaded documents' ids follow them. Immutable and thread-safe.
 *
 * @param post the post, without the ids of {@code documents}
 * @param documents the files to upload (once each, found again by {@code externalRef}) and attach
 */
public record PostWithDocuments(PostCreate post, List<PostDocument> documents) {

  public PostWithDocuments {
    Objects.requireNonNull(post, "post");
    documents = List.copyOf(documents);
    Set<String> refs = new LinkedHashSet<>();
    for (PostDocument d : documents) {
      if (!refs.add(d.externalRef())) {
        throw new IllegalArgumentException("document externalRef " + d.externalRef() + " appears twice on one post");
      }
    }
  }

  /** The post with the uploaded documents' ids appended to its attachments (no id twice). */
  public PostCreate withAttachments(List<String> documentIds) {
    Set<String> ids = new LinkedHashSet<>(post.attachments());
    ids.addAll(documentIds);
    return post.withAttachments(new ArrayList<>(ids));
  }

  /**
   * The content fingerprint: the post's JSON and each document's reference, file name and media
   * type. The bytes themselves are not hashed: a document's {@code externalRef} names its content
   * (see {@link PostDocument}), so a rendered image that differs only in encoding never causes a
   * write.
   */
  public String fingerprint() {
    List<Object> parts = new ArrayList<>(1 + documents.size());
    parts.add(post);
    for (PostDocument d : documents) {
      parts.add(List.of(d.externalRef(), d.fileName(), d.contentType()));
    }
    return Flow.jsonFingerprint(parts);
  }
}
