package io.gridcast.bridge.policy;

import io.gridcast.core.errors.ApiException;
import io.gridcast.core.errors.ForbiddenException;
import io.gridcast.core.errors.GridcastException;
import io.gridcast.core.errors.OAuthException;
import io.gridcast.core.errors.RateLimitedException;
import io.gridcast.core.errors.ServerException;
import io.gridcast.core.errors.UnauthorizedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which failures of an item are its own and which say the whole run cannot go on. An item's own
 * failure is dead-lettered and the run goes on; a systemic one stops the run without advancing
 * its checkpoint, so the next run tries again. Immutable.
 *
 * <p>The {@linkplain #defaults() defaults}: systemic are the state store failing, the target
 * refusing everyone (401, 403, refused credentials), overloaded or failing (429, 5xx after the
 * client's retries, 408), an idempotency key still in use, and any other {@link
 * GridcastException} (unreachable, an answer that is not the contract's); everything else is the
 * item's own (a bad input, another 4xx about this item, a mapper's {@link
 * IllegalArgumentException}). A flow adds its own rules, which are asked first, in the order
 * added:
 *
 * <pre>{@code
 * FailurePolicy.defaults().perItem(ReleaseTimeoutException.class) // one slow release must not stop the others
 * }</pre>
 */
public final class FailurePolicy {

  private static final FailurePolicy DEFAULTS = new FailurePolicy(List.of());

  private final List<Rule> rules;

  private FailurePolicy(List<Rule> rules) {
    this.rules = rules;
  }

  /** The default rules (see the class comment). */
  public static FailurePolicy defaults() {
    return DEFAULTS;
  }

  /**
   * This policy, with failures of {@code type} (and its subtypes) failing only their item.
   *
   * @throws NullPointerException if {@code type} is null
   */
  public FailurePolicy perItem(Class<? extends RuntimeException> type) {
    return with(new Rule(Objects.requireNonNull(type, "type"), false));
  }

  /**
   * This policy, with failures of {@code type} (and its subtypes) stopping the run.
   *
   * @throws NullPointerException if {@code type} is null
   */
  public FailurePolicy systemic(Class<? extends RuntimeException> type) {
    return with(new Rule(Objects.requireNonNull(type, "type"), true));
  }

  /** Whether {@code failure} stops the run (rather than failing its item alone). */
  public boolean isSystemic(RuntimeException failure) {
    for (Rule rule : rules) {
      if (rule.type.isInstance(failure)) {
        return rule.systemic;
      }
    }
    if (failure instanceof ApiException) {
      ApiException api = (ApiException) failure;
      return failure instanceof ServerException || failure instanceof RateLimitedException
          || failure instanceof UnauthorizedException || failure instanceof ForbiddenException
          || failure instanceof OAuthException // credentials refused: no item can succeed
          || api.status() == 408 // the platform timed out: try the item again next run
          || api.errorCode().filter("idempotency_key_in_use"::equals).isPresent();
    }
    return failure instanceof GridcastException; // transport, unparseable, too large
  }

  /** The flow's own rules, then "defaults", e.g. {@code FailurePolicy[perItem ReleaseTimeoutException, defaults]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FailurePolicy[");
    for (Rule rule : rules) {
      sb.append(rule.systemic ? "systemic " : "perItem ").append(rule.type.getSimpleName()).append(", ");
    }
    return sb.append("defaults]").toString();
  }

  private FailurePolicy with(Rule rule) {
    List<Rule> more = new ArrayList<>(rules);
    more.add(rule);
    return new FailurePolicy(List.copyOf(more));
  }

  private static final class Rule {
    final Class<? extends RuntimeException> type;
    final boolean systemic;

    Rule(Class<? extends RuntimeException> type, boolean systemic) {
      this.type = type;
      this.systemic = systemic;
    }
  }
}
