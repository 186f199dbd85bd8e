package io.gridcast.tradinggrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gridcast.core.http.GridcastHttp;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostUpdate;
import java.util.Objects;
import java.util.Set;

/**
 * Posts: announcements, trainings, audio updates, reports and service notices. Obtain from {@link TradingGridClient#posts()}. Thread-safe.
 *
 * <p>List filters: {@code kind}, {@code tag}, {@code updatedSince}, {@code externalRef}.
 */
public final class PostsApi extends VersionedResourceApi<Post, PostCreate, PostUpdate> {

  private final ObjectWriter createWriter;

  PostsApi(TradingGridContext ctx) {
    super(ctx, "post", "listPosts", Set.of("kind", "tag", "updatedSince", "externalRef"), new Operations<>() {
      @Override
      public Post create(String communityId, String idempotencyKey, PostCreate body) {
        return ctx.service.createPost(communityId, idempotencyKey, body);
      }

      @Override
      public Post get(String communityId, String id) {
        return ctx.service.getPost(communityId, id);
      }

      @Override
      public Post update(String communityId, String id, String ifMatch, PostUpdate body) {
        return ctx.service.updatePost(communityId, id, ifMatch, body);
      }

      @Override
      public io.gridcast.tradinggrid.model.CursorPage<Post> list(String communityId, Integer limit, String cursor,
          java.util.Map<String, String> filters) {
        return ctx.service.listPosts(communityId, limit, cursor, filters);
      }
    });
    this.createWriter = ctx.mapper.writerFor(PostCreate.class);
  }

  /**
   * The exact request body {@link #create(Object, String) create(body, idempotencyKey)} sends for {@code body}: its JSON,
   * written by this client's mapper. Encode once, use the bytes (to fingerprint or store them),
   * then send them with {@link #createEncoded(byte[], String)}.
   *
   * @throws IllegalArgumentException if the body cannot be encoded as JSON
   */
  public byte[] encode(PostCreate body) {
    Objects.requireNonNull(body, "body");
    try {
      return createWriter.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode the post as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Creates a post from a body {@link #encode(PostCreate)} returned, sending the bytes as they
   * are (the same request as {@link #create(Object, String) create(body, idempotencyKey)}, without encoding again).
   *
   * @param encodedBody the bytes {@link #encode(PostCreate)} returned; they are not copied, so do
   *     not change them
   * @param idempotencyKey as for {@link #create(Object, String) create(body, idempotencyKey)}
   * @throws io.gridcast.core.errors.BadRequestException when the key was used with another body
   *     (422 {@code idempotency_key_reused}) or the body is invalid
   */
  public Post createEncoded(byte[] encodedBody, String idempotencyKey) {
    Objects.requireNonNull(encodedBody, "encodedBody");
    return ctx.service.createPost(ctx.communityId, TradingGridContext.idempotencyKey(idempotencyKey),
        GridcastHttp.jsonBody(encodedBody));
  }
}
