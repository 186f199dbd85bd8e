package io.gridcast.tradinggrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.core.errors.BadRequestException;
import io.gridcast.testkit.TradingGridDemoData;
import io.gridcast.tradinggrid.ListQuery;
import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.ApprovalCreate;
import io.gridcast.tradinggrid.model.ApprovalDecisionCreate;
import io.gridcast.tradinggrid.model.ApprovalStatus;
import io.gridcast.tradinggrid.model.AuditEntry;
import io.gridcast.tradinggrid.model.AuditEntryCreate;
import io.gridcast.tradinggrid.model.ContentPackage;
import io.gridcast.tradinggrid.model.DecisionOutcome;
import io.gridcast.tradinggrid.model.Form;
import io.gridcast.tradinggrid.model.FormCreate;
import io.gridcast.tradinggrid.model.FormField;
import io.gridcast.tradinggrid.model.FormFieldType;
import io.gridcast.tradinggrid.model.Submission;
import io.gridcast.tradinggrid.model.SubmissionCreate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forms, submissions, approvals and the audit trail through the client, against the sandbox. */
class FormsAndApprovalsTest extends SandboxClientTest {

  private static final String FORM = TradingGridDemoData.FORM_EPISODE_FEEDBACK;
  private static final String APPROVAL = TradingGridDemoData.APPROVAL_IN_PROGRESS;

  @Test
  void createsAFormAndFindsItByPostAndExternalRef() {
    Form form = tg.forms().create(FormCreate.builder()
        .title("Episode 44 feedback")
        .addFields(FormField.builder().key("usefulness").label("How useful?").type(FormFieldType.RATING).required(true).build())
        .addFields(FormField.builder().key("next").label("Next topic?").type(FormFieldType.CHOICE).required(false)
            .addChoices("returns", "labels").build())
        .postId(TradingGridDemoData.POST_Q3_REPORT).externalRef("form:ep44").build(), "form-ep44");

    assertThat(tg.forms().get(form.id())).isEqualTo(form);
    assertThat(tg.forms().findByExternalRef("form:ep44")).contains(form);
    assertThat(tg.forms().list(ListQuery.create().with("postId", TradingGridDemoData.POST_Q3_REPORT)).stream()).containsExactly(form);
    assertThat(tg.forms().list(ListQuery.create()).stream().map(Form::id).toList()).containsExactlyInAnyOrder(FORM, form.id());
  }

  @Test
  void readsEverySubmissionAcrossPagesAndOnlyTheNewOnesSinceATime() {
    assertThat(tg.forms().submissions(FORM, (Instant) null).stream().count()).isEqualTo(12);
    assertThat(requestsTo("GET", "/submissions")).isEqualTo(3);

    Instant before = Instant.now().minusSeconds(1);
    Submission mine = tg.forms().submit(FORM, SubmissionCreate.builder()
        .partnerId(TradingGridDemoData.PARTNER_DUNMORE)
        .answers(Map.of("usefulness", "5", "topic", "returns", "comment", "Loved it."))
        .externalRef("survey:dunmore:ep42").build(), "submit-dunmore");

    assertThat(tg.forms().submissions(FORM, before).stream()).containsExactly(mine);
    assertThat(tg.forms().submissions(FORM, ListQuery.create().with("partnerId", TradingGridDemoData.PARTNER_DUNMORE)).stream())
        .contains(mine);
    assertThat(mine.answers()).containsEntry("topic", "returns");
  }

  @Test
  void aSubmissionThatBreaksTheFormIsRefusedNamingTheAnswer() {
    SubmissionCreate bad = SubmissionCreate.builder().partnerId(TradingGridDemoData.PARTNER_DUNMORE)
        .answers(Map.of("usefulness", "9", "topic", "returns")).build();

    assertThatThrownBy(() -> tg.forms().submit(FORM, bad, null))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("answers.usefulness: a rating must be \"1\" to \"5\"");
  }

  @Test
  void completesAnApprovalOnceEveryRequiredRoleApprovedAndKeepsTheAuditTrail() {
    Approval pending = tg.approvals().get(APPROVAL);
    assertThat(pending.status()).isEqualTo(ApprovalStatus.PENDING);

    Approval afterCompliance = tg.approvals().decide(APPROVAL, decision("compliance"), "decide-compliance");
    assertThat(afterCompliance.status()).isEqualTo(ApprovalStatus.PENDING);
    Approval approved = tg.approvals().decide(APPROVAL, decision("partner_operations"), "decide-partner-ops");

    assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(approved.completedAt()).isPresent();
    assertThat(approved.decisions()).extracting(d -> d.role()).containsExactly("legal", "compliance", "partner_operations");
    List<AuditEntry> trail = tg.approvals().audit(APPROVAL).stream().toList();
    assertThat(trail).hasSize(sandbox.auditTrail(APPROVAL).size()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(trail.get(0).action()).isEqualTo("submitted");
    assertThat(tg.approvals().list(ListQuery.create().with("status", "approved")).stream()).extracting(Approval::id).containsExactly(APPROVAL);
  }

  @Test
  void requestsApprovalOfANewPackageAndAppendsToItsAuditTrail() {
    Approval approval = tg.approvals().create(ApprovalCreate.builder()
        .title("Supply Chain Minutes 44")
        .contentPackage(ContentPackage.builder()
            .scriptDocumentId(TradingGridDemoData.DOCUMENT_EP43_SCRIPT)
            .artworkDocumentId(TradingGridDemoData.DOCUMENT_EP43_ARTWORK)
            .releaseNotesDocumentId(TradingGridDemoData.DOCUMENT_EP43_RELEASE_NOTES)
            .audioDocumentId(TradingGridDemoData.DOCUMENT_EP43_AUDIO).build())
        .addRequiredRoles("legal", "compliance")
        .externalRef("package:ep44").build(), "approval-ep44");

    AuditEntry note = tg.approvals().appendAudit(approval.id(), AuditEntryCreate.builder()
        .actor("gridcast-bridge").action("released_to_spotify").detail("feed item ep44").build(), "audit-ep44-release");

    assertThat(tg.approvals().findByExternalRef("package:ep44")).contains(approval);
    assertThat(tg.approvals().audit(approval.id()).stream()).extracting(AuditEntry::action)
        .containsExactly("submitted", "released_to_spotify");
    assertThat(tg.approvals().audit(approval.id()).stream()).last().isEqualTo(note);
  }

  private static ApprovalDecisionCreate decision(String role) {
    return ApprovalDecisionCreate.builder().role(role).decision(DecisionOutcome.APPROVE)
        .decidedBy(role + "@halvorsen-pike.example").comment("Checked.").build();
  }
}
