package io.gridcast.bridge.flows;

import io.gridcast.tradinggrid.model.Campaign;
import io.gridcast.tradinggrid.model.Document;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign with its approval documents as {@link CampaignCoordinationFlow}'s kit phase reads
 * them. Immutable.
 *
 * @param campaign the campaign
 * @param approvalDocuments each id of {@code approvalDocumentIds}, in the campaign's order, with
 *     the document it names, or empty when there is no such document
 */
record CampaignKit(Campaign campaign, Map<String, Optional<Document>> approvalDocuments) {

  CampaignKit {
    Objects.requireNonNull(campaign, "campaign");
    approvalDocuments = Collections.unmodifiableMap(new LinkedHashMap<>(approvalDocuments));
  }

  /** The stable source key: {@code tradinggrid:campaign:<id>:kit}. */
  String key() {
    return "tradinggrid:campaign:" + campaign.id() + ":kit";
  }
}
