package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.TradingGridClient;
import io.gridcast.tradinggrid.TradingGridId;

/**
 * Addresses of Active Community records for links between them. The contract gives records no web
 * address, so a link points at the record in the API ({@code <base>/communities/<id>/threads/<id>});
 * a message, which has no address of its own, is its thread's address with the message id as
 * fragment. Ids are checked before they become part of an address.
 */
final class TradingGridLinks {

  private TradingGridLinks() {}

  /** The address of thread {@code threadId} of {@code tradingGrid}'s community. */
  static String thread(TradingGridClient tradingGrid, String threadId) {
    var url = tradingGrid.baseUrl().newBuilder().addPathSegment("communities")
        .addPathSegment(TradingGridId.require("community id", tradingGrid.communityId()))
        .addPathSegment("threads").addPathSegment(TradingGridId.require("thread id", threadId));
    return url.build().toString();
  }

  /** The address of message {@code messageId} in thread {@code threadId}. */
  static String message(TradingGridClient tradingGrid, String threadId, String messageId) {
    return thread(tradingGrid, threadId) + "#" + TradingGridId.require("message id", messageId);
  }
}
