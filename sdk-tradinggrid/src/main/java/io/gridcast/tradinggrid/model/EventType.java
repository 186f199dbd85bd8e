package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an {@link Event} reports; the contract may add types, which decode as {@link #UNKNOWN}.
 *
 * <p>Values travel as their lower-case wire form ({@link #wireValue()}); a value this version
 * does not know decodes as {@link #UNKNOWN} instead of failing.
 */
public enum EventType {
  PARTNER_CREATED("partner.created"),
  PARTNER_UPDATED("partner.updated"),
  POST_CREATED("post.created"),
  POST_UPDATED("post.updated"),
  DOCUMENT_UPLOADED("document.uploaded"),
  ASSIGNMENT_CREATED("assignment.created"),
  ASSIGNMENT_UPDATED("assignment.updated"),
  THREAD_CREATED("thread.created"),
  THREAD_MESSAGE_CREATED("thread.message_created"),
  ISSUE_CREATED("issue.created"),
  ISSUE_UPDATED("issue.updated"),
  ISSUE_RESOLVED("issue.resolved"),
  ISSUE_COMMENTED("issue.commented"),
  FORM_SUBMITTED("form.submitted"),
  APPROVAL_CREATED("approval.created"),
  APPROVAL_DECIDED("approval.decided"),
  APPROVAL_COMPLETED("approval.completed"),
  APPROVAL_RESUBMITTED("approval.resubmitted"),
  CAMPAIGN_CREATED("campaign.created"),
  CAMPAIGN_UPDATED("campaign.updated"),
  SITE_CREATED("site.created"),
  SITE_UPDATED("site.updated"),
  SITE_REQUEST_CREATED("site_request.created"),
  SITE_REQUEST_UPDATED("site_request.updated"),
  /** A value added to the contract after this SDK version; never send it. */
  @JsonEnumDefaultValue
  UNKNOWN("unknown");

  private final String wireValue;

  EventType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the contract's wire value, e.g. {@code "partner.created"}. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * Returns the constant for a wire value, or {@link #UNKNOWN} if there is none.
   *
   * @param wireValue the contract's value, e.g. {@code "site_request.updated"}; {@code null} gives
   *     {@link #UNKNOWN}
   */
  public static EventType fromWireValue(String wireValue) {
    for (EventType value : values()) {
      if (value != UNKNOWN && value.wireValue.equals(wireValue)) {
        return value;
      }
    }
    return UNKNOWN;
  }

  /** Returns the wire value, so that the constant can be used directly as a query parameter. */
  @Override
  public String toString() {
    return wireValue;
  }
}
