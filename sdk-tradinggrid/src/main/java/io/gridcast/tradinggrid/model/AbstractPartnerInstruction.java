package io.gridcast.tradinggrid.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.gridcast.core.GridcastStyle;
import org.immutables.value.Value;

/**
 * Campaign instructions for one partner.
 */
@Value.Immutable
@GridcastStyle
@JsonSerialize(as = PartnerInstruction.class)
@JsonDeserialize(as = PartnerInstruction.class)
abstract class AbstractPartnerInstruction {

  /** The partner. */
  public abstract String partnerId();

  /** The Markdown instructions. */
  public abstract String instructions();
}
