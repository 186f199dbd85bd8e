package io.gridcast.tradinggrid.internal;

import io.gridcast.tradinggrid.model.Approval;
import io.gridcast.tradinggrid.model.ApprovalCreate;
import io.gridcast.tradinggrid.model.ApprovalDecisionCreate;
import io.gridcast.tradinggrid.model.ApprovalResubmission;
import io.gridcast.tradinggrid.model.Assignment;
import io.gridcast.tradinggrid.model.AssignmentCreate;
import io.gridcast.tradinggrid.model.AssignmentUpdate;
import io.gridcast.tradinggrid.model.AuditEntry;
import io.gridcast.tradinggrid.model.AuditEntryCreate;
import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.CampaignCreate;
import io.gridcast.tradinggrid.model.CampaignUpdate;
import io.gridcast.tradinggrid.model.Community;
import io.gridcast.tradinggrid.model.CursorPage;
import io.gridcast.tradinggrid.model.Document;
import io.gridcast.tradinggrid.model.Event;
import io.gridcast.tradinggrid.model.Form;
import io.gridcast.tradinggrid.model.FormCreate;
import io.gridcast.tradinggrid.model.Issue;
import io.gridcast.tradinggrid.model.IssueComment;
import io.gridcast.tradinggrid.model.IssueCommentCreate;
import io.gridcast.tradinggrid.model.IssueCreate;
import io.gridcast.tradinggrid.model.IssueUpdate;
import io.gridcast.tradinggrid.model.Message;
import io.gridcast.tradinggrid.model.MessageCreate;
import io.gridcast.tradinggrid.model.Partner;
import io.gridcast.tradinggrid.model.PartnerCreate;
import io.gridcast.tradinggrid.model.PartnerGroup;
import io.gridcast.tradinggrid.model.PartnerGroupCreate;
import io.gridcast.tradinggrid.model.PartnerGroupUpdate;
import io.gridcast.tradinggrid.model.PartnerUpdate;
import io.gridcast.tradinggrid.model.Post;
import io.gridcast.tradinggrid.model.PostCreate;
import io.gridcast.tradinggrid.model.PostUpdate;
import io.gridcast.tradinggrid.model.Site;
import io.gridcast.tradinggrid.model.SiteCreate;
import io.gridcast.tradinggrid.model.SiteRequest;
import io.gridcast.tradinggrid.model.SiteRequestComment;
import io.gridcast.tradinggrid.model.SiteRequestCommentCreate;
import io.gridcast.tradinggrid.model.SiteRequestCreate;
import io.gridcast.tradinggrid.model.SiteRequestUpdate;
import io.gridcast.tradinggrid.model.SiteUpdate;
import io.gridcast.tradinggrid.model.Submission;
import io.gridcast.tradinggrid.model.SubmissionCreate;
import io.gridcast.tradinggrid.model.Thread;
import io.gridcast.tradinggrid.model.ThreadCreate;
import io.gridcast.tradinggrid.model.Webhook;
import io.gridcast.tradinggrid.model.WebhookCreate;
import java.util.Map;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Multipart;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

/**
 * Every operation of Gridcast's Active Community contract
 * ({@code active-community-openapi.yaml}), named by its {@code operationId}. Paths are relative
 * to the API base URL. It mirrors the contract operation for operation; the contract tests
 * validate every request it sends against the document.
 */
public interface ActiveCommunityService {

  @GET("communities")
  CursorPage<Community> listCommunities(@Query("limit") Integer limit, @Query("cursor") String cursor);

  @GET("communities/{communityId}")
  Community getCommunity(@Path("communityId") String communityId);

  @GET("communities/{communityId}/partners")
  CursorPage<Partner> listPartners(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/partners")
  Partner createPartner(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body PartnerCreate body);

  @GET("communities/{communityId}/partners/{partnerId}")
  Partner getPartner(@Path("communityId") String communityId, @Path("partnerId") String partnerId);

  @PATCH("communities/{communityId}/partners/{partnerId}")
  Partner updatePartner(@Path("communityId") String communityId, @Path("partnerId") String partnerId, @Header("If-Match") String ifMatch, @Body PartnerUpdate body);

  @GET("communities/{communityId}/partner-groups")
  CursorPage<PartnerGroup> listPartnerGroups(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/partner-groups")
  PartnerGroup createPartnerGroup(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body PartnerGroupCreate body);

  @GET("communities/{communityId}/partner-groups/{groupId}")
  PartnerGroup getPartnerGroup(@Path("communityId") String communityId, @Path("groupId") String groupId);

  @PATCH("communities/{communityId}/partner-groups/{groupId}")
  PartnerGroup updatePartnerGroup(@Path("communityId") String communityId, @Path("groupId") String groupId, @Header("If-Match") String ifMatch, @Body PartnerGroupUpdate body);

  @GET("communities/{communityId}/posts")
  CursorPage<Post> listPosts(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/posts")
  Post createPost(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body PostCreate body);

  @POST("communities/{communityId}/posts")
  Post createPost(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body okhttp3.RequestBody encodedBody);

  @GET("communities/{communityId}/posts/{postId}")
  Post getPost(@Path("communityId") String communityId, @Path("postId") String postId);

  @PATCH("communities/{communityId}/posts/{postId}")
  Post updatePost(@Path("communityId") String communityId, @Path("postId") String postId, @Header("If-Match") String ifMatch, @Body PostUpdate body);

  @GET("communities/{communityId}/documents")
  CursorPage<Document> listDocuments(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @Multipart
  @POST("communities/{communityId}/documents")
  Document uploadDocument(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Part MultipartBody.Part file, @Part("contentType") RequestBody contentType, @Part("fileName") RequestBody fileName, @Part("externalRef") RequestBody externalRef);

  @GET("communities/{communityId}/documents/{documentId}")
  Document getDocument(@Path("communityId") String communityId, @Path("documentId") String documentId);

  @GET("communities/{communityId}/documents/{documentId}/content")
  byte[] downloadDocumentContent(@Path("communityId") String communityId, @Path("documentId") String documentId);

  @GET("communities/{communityId}/assignments")
  CursorPage<Assignment> listAssignments(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/assignments")
  Assignment createAssignment(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body AssignmentCreate body);

  @GET("communities/{communityId}/assignments/{assignmentId}")
  Assignment getAssignment(@Path("communityId") String communityId, @Path("assignmentId") String assignmentId);

  @PATCH("communities/{communityId}/assignments/{assignmentId}")
  Assignment updateAssignment(@Path("communityId") String communityId, @Path("assignmentId") String assignmentId, @Header("If-Match") String ifMatch, @Body AssignmentUpdate body);

  @GET("communities/{communityId}/threads")
  CursorPage<Thread> listThreads(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/threads")
  Thread createThread(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body ThreadCreate body);

  @GET("communities/{communityId}/threads/{threadId}")
  Thread getThread(@Path("communityId") String communityId, @Path("threadId") String threadId);

  @GET("communities/{communityId}/threads/{threadId}/messages")
  CursorPage<Message> listThreadMessages(@Path("communityId") String communityId, @Path("threadId") String threadId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/threads/{threadId}/messages")
  Message createThreadMessage(@Path("communityId") String communityId, @Path("threadId") String threadId, @Header("Idempotency-Key") String idempotencyKey, @Body MessageCreate body);

  @GET("communities/{communityId}/issues")
  CursorPage<Issue> listIssues(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/issues")
  Issue createIssue(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body IssueCreate body);

  @GET("communities/{communityId}/issues/{issueId}")
  Issue getIssue(@Path("communityId") String communityId, @Path("issueId") String issueId);

  @PATCH("communities/{communityId}/issues/{issueId}")
  Issue updateIssue(@Path("communityId") String communityId, @Path("issueId") String issueId, @Header("If-Match") String ifMatch, @Body IssueUpdate body);

  @GET("communities/{communityId}/issues/{issueId}/comments")
  CursorPage<IssueComment> listIssueComments(@Path("communityId") String communityId, @Path("issueId") String issueId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/issues/{issueId}/comments")
  IssueComment createIssueComment(@Path("communityId") String communityId, @Path("issueId") String issueId, @Header("Idempotency-Key") String idempotencyKey, @Body IssueCommentCreate body);

  @GET("communities/{communityId}/forms")
  CursorPage<Form> listForms(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/forms")
  Form createForm(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body FormCreate body);

  @GET("communities/{communityId}/forms/{formId}")
  Form getForm(@Path("communityId") String communityId, @Path("formId") String formId);

  @GET("communities/{communityId}/forms/{formId}/submissions")
  CursorPage<Submission> listFormSubmissions(@Path("communityId") String communityId, @Path("formId") String formId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/forms/{formId}/submissions")
  Submission createFormSubmission(@Path("communityId") String communityId, @Path("formId") String formId, @Header("Idempotency-Key") String idempotencyKey, @Body SubmissionCreate body);

  @GET("communities/{communityId}/approvals")
  CursorPage<Approval> listApprovals(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/approvals")
  Approval createApproval(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body ApprovalCreate body);

  @GET("communities/{communityId}/approvals/{approvalId}")
  Approval getApproval(@Path("communityId") String communityId, @Path("approvalId") String approvalId);

  @POST("communities/{communityId}/approvals/{approvalId}/decisions")
  Approval createApprovalDecision(@Path("communityId") String communityId, @Path("approvalId") String approvalId, @Header("Idempotency-Key") String idempotencyKey, @Body ApprovalDecisionCreate body);

  @POST("communities/{communityId}/approvals/{approvalId}/resubmissions")
  Approval resubmitApproval(@Path("communityId") String communityId, @Path("approvalId") String approvalId, @Header("Idempotency-Key") String idempotencyKey, @Body ApprovalResubmission body);

  @GET("communities/{communityId}/approvals/{approvalId}/audit")
  CursorPage<AuditEntry> listApprovalAudit(@Path("communityId") String communityId, @Path("approvalId") String approvalId, @Query("limit") Integer limit, @Query("cursor") String cursor);

  @POST("communities/{communityId}/approvals/{approvalId}/audit")
  AuditEntry appendApprovalAudit(@Path("communityId") String communityId, @Path("approvalId") String approvalId, @Header("Idempotency-Key") String idempotencyKey, @Body AuditEntryCreate body);

  @GET("communities/{communityId}/campaigns")
  CursorPage<Campaign> listCampaigns(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/campaigns")
  Campaign createCampaign(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body CampaignCreate body);

  @GET("communities/{communityId}/campaigns/{campaignId}")
  Campaign getCampaign(@Path("communityId") String communityId, @Path("campaignId") String campaignId);

  @PATCH("communities/{communityId}/campaigns/{campaignId}")
  Campaign updateCampaign(@Path("communityId") String communityId, @Path("campaignId") String campaignId, @Header("If-Match") String ifMatch, @Body CampaignUpdate body);

  @GET("communities/{communityId}/sites")
  CursorPage<Site> listSites(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/sites")
  Site createSite(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body SiteCreate body);

  @GET("communities/{communityId}/sites/{siteId}")
  Site getSite(@Path("communityId") String communityId, @Path("siteId") String siteId);

  @PATCH("communities/{communityId}/sites/{siteId}")
  Site updateSite(@Path("communityId") String communityId, @Path("siteId") String siteId, @Header("If-Match") String ifMatch, @Body SiteUpdate body);

  @GET("communities/{communityId}/site-requests")
  CursorPage<SiteRequest> listSiteRequests(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/site-requests")
  SiteRequest createSiteRequest(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body SiteRequestCreate body);

  @GET("communities/{communityId}/site-requests/{siteRequestId}")
  SiteRequest getSiteRequest(@Path("communityId") String communityId, @Path("siteRequestId") String siteRequestId);

  @PATCH("communities/{communityId}/site-requests/{siteRequestId}")
  SiteRequest updateSiteRequest(@Path("communityId") String communityId, @Path("siteRequestId") String siteRequestId, @Header("If-Match") String ifMatch, @Body SiteRequestUpdate body);

  @POST("communities/{communityId}/site-requests/{siteRequestId}/comments")
  SiteRequestComment createSiteRequestComment(@Path("communityId") String communityId, @Path("siteRequestId") String siteRequestId, @Header("Idempotency-Key") String idempotencyKey, @Body SiteRequestCommentCreate body);

  @GET("communities/{communityId}/events")
  CursorPage<Event> listEvents(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @GET("communities/{communityId}/webhooks")
  CursorPage<Webhook> listWebhooks(@Path("communityId") String communityId, @Query("limit") Integer limit, @Query("cursor") String cursor, @QueryMap Map<String, String> filters);

  @POST("communities/{communityId}/webhooks")
  Webhook createWebhook(@Path("communityId") String communityId, @Header("Idempotency-Key") String idempotencyKey, @Body WebhookCreate body);

  @GET("communities/{communityId}/webhooks/{webhookId}")
  Webhook getWebhook(@Path("communityId") String communityId, @Path("webhookId") String webhookId);

  @DELETE("communities/{communityId}/webhooks/{webhookId}")
  Void deleteWebhook(@Path("communityId") String communityId, @Path("webhookId") String webhookId);
}
