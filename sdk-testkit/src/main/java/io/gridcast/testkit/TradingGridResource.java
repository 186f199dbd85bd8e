package io.gridcast.testkit;

/**
 * The kinds of resource a {@link TradingGridSandbox} holds, for its inspection and editing helpers
 * (e.g. {@link TradingGridSandbox#countByExternalRef(TradingGridResource, String)}).
 */
public enum TradingGridResource {
  PARTNERS(TgKinds.PARTNERS),
  PARTNER_GROUPS(TgKinds.PARTNER_GROUPS),
  POSTS(TgKinds.POSTS),
  DOCUMENTS(TgKinds.DOCUMENTS),
  ASSIGNMENTS(TgKinds.ASSIGNMENTS),
  THREADS(TgKinds.THREADS),
  ISSUES(TgKinds.ISSUES),
  FORMS(TgKinds.FORMS),
  APPROVALS(TgKinds.APPROVALS),
  CAMPAIGNS(TgKinds.CAMPAIGNS),
  SITES(TgKinds.SITES),
  SITE_REQUESTS(TgKinds.SITE_REQUESTS),
  WEBHOOKS(TgKinds.WEBHOOKS);

  final TgKind kind;

  TradingGridResource(TgKind kind) {
    this.kind = kind;
  }

  /** The path segment of the resource's collection in the API, e.g. {@code partner-groups}. */
  public String collection() {
    return kind.collection;
  }
}
