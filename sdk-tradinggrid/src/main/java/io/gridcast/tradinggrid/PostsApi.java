package io.gridcast.tradinggrid;

import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostUpdate;
import java.util.Set;

/**
 * Posts: announcements, trainings, audio updates, reports and service notices. Obtain from {@link TradingGridClient#posts()}. Thread-safe.
 *
 * <p>List filters: {@code kind}, {@code tag}, {@code updatedSince}, {@code externalRef}.
 */
public final class PostsApi extends VersionedResourceApi<Post, PostCreate, PostUpdate> {

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
  }
}
