package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.BadRequestException;
import io.gridcast.core.errors.PreconditionFailedException;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.testkit.TradingGridResource;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.VersionedResourceApi;
import io.gridcast.tradinggrid.model.Assignment;
import io.gridcast.tradinggrid.model.AssignmentCreate;
import io.gridcast.tradinggrid.model.AssignmentStatus;
import io.gridcast.tradinggrid.model.AssignmentTarget;
import io.gridcast.tradinggrid.model.AssignmentTargetType;
import io.gridcast.tradinggrid.model.AssignmentUpdate;
import io.gridcast.tradinggrid.model.Audience;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostKind;
import io.gridcast.tradinggrid.model.PostUpdate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Posts and their assignments through the client, against the sandbox. */
class PostsAndAssignmentsTest extends SandboxClientTest {

  private static final String EPISODE_REF = "spotify:episode:7makk4oTQel546B0PZlDM5";

  private static PostCreate episodeAnnouncement(String title) {
    return PostCreate.builder()
        .kind(PostKind.ANNOUNCEMENT)
        .title(title)
        .body("Supply Chain Minutes 44 is out: **returns without tears**.")
        .addLinks(Link.of("listen", "https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5"))
        .putMetadata("durationMs", "1520000")
        .audience(Audience.builder().addGroupIds(TradingGridDemoData.GROUP_ACTIVE).build())
        .addTags("podcast")
        .externalRef(EPISODE_REF)
        .build();
  }

  @Test
  void createsAPostOnceForOneIdempotencyKey() {
    Post first = tg.posts().create(episodeAnnouncement("Episode 44: returns without tears"), "announce-ep44");
    Post replay = tg.posts().create(episodeAnnouncement("Episode 44: returns without tears"), "announce-ep44");

    assertThat(replay.id()).isEqualTo(first.id());
    assertThat(sandbox.countPostsByExternalRef(EPISODE_REF)).isEqualTo(1);
    assertThat(first.links()).containsExactly(Link.of("listen", "https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5"));
    assertThat(first.metadata()).containsEntry("durationMs", "1520000");
  }

  @Test
  void refusesTheSameIdempotencyKeyWithADifferentBody() {
    tg.posts().create(episodeAnnouncement("Episode 44"), "announce-ep44");

    assertThatThrownBy(() -> tg.posts().create(episodeAnnouncement("Episode 44, retitled"), "announce-ep44"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("422")
        .hasMessageContaining("[idempotency_key_reused]");
    assertThat(sandbox.countPostsByExternalRef(EPISODE_REF)).isEqualTo(1);
  }

  @Test
  void getsAPostAndFindsItByExternalRef() {
    Post created = tg.posts().create(episodeAnnouncement("Episode 44"), null);

    assertThat(tg.posts().get(created.id())).isEqualTo(created);
    assertThat(tg.posts().findByExternalRef(EPISODE_REF)).contains(created);
    assertThat(tg.posts().findByExternalRef("spotify:episode:unknown")).isEmpty();
  }

  @Test
  void updatesAPostWithIfMatchAndRaisesATypedConflictForAStaleVersion() {
    Post post = tg.posts().get(TradingGridDemoData.POST_EPISODE_42);

    Post retitled = tg.posts().update(post.id(), PostUpdate.builder().title("Cutting ASN errors in half (updated)").build(), post.version());

    assertThat(retitled.version()).isEqualTo(post.version() + 1);
    assertThat(retitled.title()).isEqualTo("Cutting ASN errors in half (updated)");
    assertThat(retitled.body()).isEqualTo(post.body());
    assertThatThrownBy(() -> tg.posts().update(post.id(), PostUpdate.builder().tags(List.of("stale")).build(), post.version()))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("HTTP 412")
        .hasMessageContaining("[version_conflict]")
        .hasMessageContaining("If-Match is " + post.version() + " but the current version is " + retitled.version());
    assertThat(tg.posts().get(post.id()).tags()).doesNotContain("stale");
  }

  @Test
  void anUpdateFromTheCurrentPostSendsNothingWhenItIsAlreadyAsWanted() {
    Post post = tg.posts().create(episodeAnnouncement("Episode 44"), null);
    AtomicInteger asked = new AtomicInteger();

    Post same = tg.posts().update(post.id(), current -> {
      asked.incrementAndGet();
      return current.tags().contains("podcast") ? Optional.empty() : Optional.of(PostUpdate.builder().tags(List.of("podcast")).build());
    });

    assertThat(asked.get()).isEqualTo(1);
    assertThat(same.version()).isEqualTo(post.version());
  }

  @Test
  void anUpdateThatMeetsANewerVersionIsWorkedOutAgainOnWhatIsThereNowKeepingTheOtherEdit() {
    Post post = tg.posts().create(episodeAnnouncement("Episode 44"), null);
    AtomicInteger asked = new AtomicInteger();

    Post updated = tg.posts().update(post, current -> {
      if (asked.incrementAndGet() == 1) { // someone else retitles the post between our read and our write
        tg.posts().update(post.id(), PostUpdate.builder().title("Episode 44, retitled").build(), post.version());
      }
      List<String> tags = new ArrayList<>(current.tags());
      tags.add("audio");
      return Optional.of(PostUpdate.builder().tags(tags).build());
    });

    assertThat(asked.get()).isEqualTo(2);
    assertThat(updated.title()).isEqualTo("Episode 44, retitled");
    assertThat(updated.tags()).containsExactly("podcast", "audio");
    assertThat(updated.version()).isEqualTo(post.version() + 2);
  }

  @Test
  void anUpdateThatKeepsMeetingNewerVersionsGivesUpAfterThreeSends() {
    Post post = tg.posts().create(episodeAnnouncement("Episode 44"), null);
    AtomicInteger asked = new AtomicInteger();

    assertThatThrownBy(() -> tg.posts().update(post.id(), current -> {
      asked.incrementAndGet();
      Post now = tg.posts().get(post.id()); // a busy editor writes before every one of our sends
      tg.posts().update(post.id(), PostUpdate.builder().title("edit " + asked.get()).build(), now.version());
      return Optional.of(PostUpdate.builder().tags(List.of("ours")).build());
    })).isInstanceOf(PreconditionFailedException.class);

    assertThat(asked.get()).isEqualTo(VersionedResourceApi.MAX_UPDATE_ATTEMPTS).isEqualTo(3);
    assertThat(tg.posts().get(post.id()).tags()).doesNotContain("ours");
  }

  @Test
  void listsPostsByKindAndUpdatedSince() {
    assertThat(tg.posts().list(ListQuery.create().with("kind", "announcement")).stream().map(Post::id).toList())
        .containsExactlyInAnyOrder(TradingGridDemoData.POST_WELCOME, TradingGridDemoData.POST_EPISODE_42);

    Instant before = Instant.now().minusSeconds(1);
    Post fresh = tg.posts().create(episodeAnnouncement("Episode 44"), null);
    assertThat(tg.posts().list(ListQuery.create().updatedSince(before)).stream().map(Post::id).toList())
        .containsExactly(fresh.id());
    assertThat(tg.posts().list().stream().count()).isEqualTo(6);
    assertThat(requestsTo("GET", "/posts")).isEqualTo(1 + 1 + 2);
  }

  @Test
  void assignsAPostToAGroupAndTracksTheAssignment() {
    Assignment assignment = tg.assignments().create(AssignmentCreate.builder()
        .postId(TradingGridDemoData.POST_ASN_TRAINING)
        .target(AssignmentTarget.builder().type(AssignmentTargetType.GROUP).id(TradingGridDemoData.GROUP_CERTIFIED).build())
        .dueDate(LocalDate.of(2026, 12, 31))
        .reason("onboarding stage certified")
        .externalRef("training:asn:certified")
        .build(), "assign-asn-certified");

    assertThat(assignment.status()).isEqualTo(AssignmentStatus.ASSIGNED);
    assertThat(tg.assignments().get(assignment.id())).isEqualTo(assignment);
    assertThat(tg.assignments().findByExternalRef("training:asn:certified")).contains(assignment);

    Assignment started = tg.assignments().update(assignment.id(),
        AssignmentUpdate.builder().status(AssignmentStatus.IN_PROGRESS).build(), assignment.version());
    assertThat(started.status()).isEqualTo(AssignmentStatus.IN_PROGRESS);
    assertThat(started.dueDate()).contains(LocalDate.of(2026, 12, 31));

    List<Assignment> forTraining = tg.assignments()
        .list(ListQuery.create().with("postId", TradingGridDemoData.POST_ASN_TRAINING)).stream().toList();
    assertThat(forTraining).hasSize(3);
    assertThat(tg.assignments().list(ListQuery.create().with("partnerId", TradingGridDemoData.PARTNER_DUNMORE)).stream())
        .extracting(Assignment::id).containsExactly("asg_asn_training_dunmore");
  }

  @Test
  void anAssignmentToAnUnknownGroupIsRefusedWithTheField() {
    AssignmentCreate body = AssignmentCreate.builder()
        .postId(TradingGridDemoData.POST_ASN_TRAINING)
        .target(AssignmentTarget.builder().type(AssignmentTargetType.GROUP).id("g_nobody").build())
        .build();

    assertThatThrownBy(() -> tg.assignments().create(body, null))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("[validation_failed]")
        .hasMessageContaining("target.id");
    assertThat(sandbox.resources(TradingGridResource.ASSIGNMENTS)).hasSize(2);
  }
}
