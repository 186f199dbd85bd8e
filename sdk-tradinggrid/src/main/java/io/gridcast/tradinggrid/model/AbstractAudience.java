package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import java.util.List;
import org.immutables.value.Value;

/**
 * Who sees a post: every listed partner and every member of a listed group.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = Audience.class)
@JsonDeserialize(as = Audience.class)
abstract class AbstractAudience {

  /** The partner groups. */
  public abstract List<String> groupIds();

  /** The individual partners. */
  public abstract List<String> partnerIds();

  /** Returns an audience of the given partner groups. */
  public static Audience ofGroups(Iterable<String> groupIds) {
    return Audience.builder().groupIds(groupIds).build();
  }

  /** Returns an audience of the given partners. */
  public static Audience ofPartners(Iterable<String> partnerIds) {
    return Audience.builder().partnerIds(partnerIds).build();
  }
}
