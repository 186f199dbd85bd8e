package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.BadRequestException;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueComment;
import io.gridcast.tradinggrid.model.IssueCommentCreate;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.IssueSeverity;
import io.gridcast.tradinggrid.model.IssueStatus;
import io.gridcast.tradinggrid.model.IssueType;
import io.gridcast.tradinggrid.model.IssueUpdate;
import io.gridcast.tradinggrid.model.Link;
import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.MessageCreate;
import io.gridcast.tradinggrid.model.Thread;
import io.gridcast.tradinggrid.model.ThreadCreate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discussion threads and the trading-issue log through the client, against the sandbox. */
class ThreadsAndIssuesTest extends SandboxClientTest {

  @Test
  void opensAThreadOnceAndFindsItByPostAndExternalRef() {
    ThreadCreate body = ThreadCreate.builder().title("Feedback: episode 44")
        .postId(TradingGridDemoData.POST_Q3_REPORT).externalRef("feedback:ep44").build();

    Thread thread = tg.threads().create(body, "thread-ep44");

    assertThat(tg.threads().create(body, "thread-ep44")).isEqualTo(thread);
    assertThat(tg.threads().get(thread.id())).isEqualTo(thread);
    assertThat(tg.threads().findByExternalRef("feedback:ep44")).contains(thread);
    assertThat(tg.threads().list(ListQuery.create().with("postId", TradingGridDemoData.POST_Q3_REPORT)).stream())
        .containsExactly(thread);
    assertThat(tg.threads().list(ListQuery.create()).stream().count()).isEqualTo(3);
  }

  @Test
  void postsMessagesAndReadsThemOldestFirstAcrossPages() {
    String threadId = TradingGridDemoData.THREAD_PEAK_QUESTIONS;
    int seeded = sandbox.threadMessages(threadId).size();
    Instant before = Instant.now().minusSeconds(1);

    for (int i = 1; i <= 11; i++) {
      tg.threads().post(threadId, MessageCreate.builder().body("Question " + i)
          .authorPartnerId(TradingGridDemoData.PARTNER_DUNMORE).build(), "peak-q-" + i);
    }

    List<Message> all = tg.threads().messages(threadId, null).stream().toList();
    assertThat(all).hasSize(seeded + 11);
    assertThat(all.get(seeded).body()).isEqualTo("Question 1");
    List<Message> recent = tg.threads().messages(threadId, before).stream().toList();
    assertThat(recent).extracting(Message::body).first().isEqualTo("Question 1");
    assertThat(recent).hasSize(11).allSatisfy(m -> assertThat(m.threadId()).isEqualTo(threadId));
    assertThat(requestsTo("GET", "/messages")).isGreaterThanOrEqualTo(3 + 3);
  }

  @Test
  void aMessageKeepsItsTopicTagsAndProblemFlag() {
    String threadId = TradingGridDemoData.THREAD_PEAK_QUESTIONS;

    Message flagged = tg.threads().post(threadId, MessageCreate.builder().body("The ASN upload is broken since Monday.")
        .authorPartnerId(TradingGridDemoData.PARTNER_DUNMORE).addTags("asn", "onboarding").flagged(true).build(), "peak-flagged");
    Message plain = tg.threads().post(threadId, MessageCreate.builder().body("Thanks!").build(), "peak-plain");

    assertThat(flagged.tags()).containsExactly("asn", "onboarding");
    assertThat(flagged.flagged()).isTrue();
    assertThat(plain.tags()).isEmpty();
    assertThat(plain.flagged()).isFalse();
    assertThat(tg.threads().messages(threadId, null).stream().filter(m -> m.id().equals(flagged.id())).findFirst())
        .hasValueSatisfying(m -> assertThat(m.tags()).containsExactly("asn", "onboarding"));
    assertThat(tg.threads().messages(threadId, null).stream().filter(Message::flagged)).extracting(Message::id)
        .containsExactly(flagged.id());
  }

  @Test
  void refusesAMessageTagThatIsNotLowercaseBeforeSendingIt() {
    assertThatThrownBy(() -> MessageCreate.builder().body("Hello").addTags("Bad Tag").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Bad Tag'");
    assertThat(requestsTo("POST", "/messages")).isZero();
  }

  @Test
  void listsIssuesByStatusAndUpdatedSince() {
    assertThat(tg.issues().list(IssueStatus.RESOLVED, null).stream().map(Issue::id).toList())
        .containsExactlyInAnyOrder(TradingGridDemoData.ISSUE_RESOLVED_WITH_AUDIO, TradingGridDemoData.ISSUE_RESOLVED_WITHOUT_AUDIO);
    assertThat(tg.issues().list(IssueStatus.OPEN, null).stream().map(Issue::id).toList())
        .containsExactlyInAnyOrder(TradingGridDemoData.ISSUE_OPEN, TradingGridDemoData.ISSUE_SUPPORT);
    assertThat(tg.issues().list().stream().count()).isEqualTo(6);

    Instant before = Instant.now().minusSeconds(1);
    Issue open = tg.issues().get(TradingGridDemoData.ISSUE_OPEN);
    tg.issues().update(open.id(), IssueUpdate.builder().severity(IssueSeverity.HIGH).build(), open.version());

    assertThat(tg.issues().list(null, before).stream().map(Issue::id).toList()).containsExactly(open.id());
    assertThat(tg.issues().list(IssueStatus.RESOLVED, before).stream().toList()).isEmpty();
  }

  @Test
  void walksAnIssueFromOpenToResolvedWithASummaryAndCorrectiveActions() {
    Issue issue = tg.issues().create(IssueCreate.builder()
        .type(IssueType.TRADING_ISSUE).severity(IssueSeverity.HIGH)
        .title("EDI 810 totals off by one cent").description("Invoice totals round per line instead of per invoice.")
        .partnerId(TradingGridDemoData.PARTNER_DUNMORE).region("EMEA").topic("invoicing")
        .externalRef("jira:EDI-4711").build(), "issue-edi-4711");
    assertThat(issue.status()).isEqualTo(IssueStatus.OPEN);
    assertThat(tg.issues().findByExternalRef("jira:EDI-4711")).contains(issue);

    Issue working = tg.issues().update(issue.id(), IssueUpdate.builder().status(IssueStatus.IN_PROGRESS).build(), issue.version());
    Issue resolved = tg.issues().update(issue.id(), IssueUpdate.builder()
        .status(IssueStatus.RESOLVED)
        .resolutionSummary("Rounding moved to invoice level.")
        .correctiveActions(List.of("Round once per invoice", "Re-send affected 810s"))
        .links(List.of(Link.of("episode", "https://open.spotify.com/episode/7makk4oTQel546B0PZlDM5")))
        .build(), working.version());

    assertThat(resolved.status()).isEqualTo(IssueStatus.RESOLVED);
    assertThat(resolved.resolvedAt()).isPresent();
    assertThat(resolved.correctiveActions()).containsExactly("Round once per invoice", "Re-send affected 810s");
    assertThat(resolved.version()).isEqualTo(3);
    assertThat(tg.issues().get(issue.id())).isEqualTo(resolved);
  }

  @Test
  void refusesAStatusJumpTheLifecycleDoesNotAllow() {
    Issue open = tg.issues().get(TradingGridDemoData.ISSUE_OPEN);

    assertThatThrownBy(() -> tg.issues().update(open.id(), IssueUpdate.builder().status(IssueStatus.CLOSED).build(), open.version()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("[validation_failed]")
        .hasMessageContaining("open → in_progress → resolved → closed");
  }

  @Test
  void commentsOnAnIssueAndReadsTheComments() {
    String issueId = TradingGridDemoData.ISSUE_IN_PROGRESS;
    int seeded = sandbox.issueComments(issueId).size();

    IssueComment comment = tg.issues().comment(issueId, IssueCommentCreate.builder()
        .body("Cut-off confirmed for all DCs.").authorPartnerId(TradingGridDemoData.PARTNER_DUNMORE).build(), "c-1");

    assertThat(tg.issues().comment(issueId, IssueCommentCreate.builder()
        .body("Cut-off confirmed for all DCs.").authorPartnerId(TradingGridDemoData.PARTNER_DUNMORE).build(), "c-1"))
        .isEqualTo(comment);
    assertThat(comment.issueId()).isEqualTo(issueId);
    assertThat(tg.issues().comments(issueId).stream().toList()).hasSize(seeded + 1).last().isEqualTo(comment);
  }
}
