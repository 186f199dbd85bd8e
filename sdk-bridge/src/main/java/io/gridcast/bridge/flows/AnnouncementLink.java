package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Link;
import java.util.Objects;

/**
 * A link an announcement post should carry: written by {@link AnnouncementLinkSink}, which keeps
 * the post's other links and replaces only one of the same {@code rel}. Immutable.
 *
 * @param postId the announcement post
 * @param link the link
 * @param postFingerprint the fingerprint of the post's other content when it was read (see
 *     {@link FeedbackThreadLink#postFingerprint()}): part of this item's fingerprint, so that a
 *     rewritten post is written again
 */
record AnnouncementLink(String postId, Link link, String postFingerprint) {

  AnnouncementLink {
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(postFingerprint, "postFingerprint");
  }
}
